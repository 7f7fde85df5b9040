#!/usr/bin/env python3
"""Build keys/archive.json (the bundled DKIM key archive) from found.jsonl.

This script is the documented, reproducible origin of the seed archive.
It uses the Python 3 standard library only and is deterministic: the same
input gives byte-identical output.

Usage:
    python3 keys/seed/seed_archive.py ../shared/keys/found.jsonl > keys/archive.json
    python3 keys/seed/seed_archive.py ../shared/keys/found.jsonl -o keys/archive.json \
        --readme keys/README.md      # also refresh the summary table in the README

What it does, for each line of found.jsonl (one public key found in a public
source, with where it was found):
  * checks the key: `p` is base64; RSA keys are a DER SubjectPublicKeyInfo
    whose modulus has exactly `bits` bits (and, for modulus-only sources,
    the same modulus and exponent as the source); Ed25519 keys are the raw
    32-byte key (RFC 8463); a TXT record holds exactly this p=;
  * builds `record`, the TXT value: as found for TXT sources; otherwise
    "v=DKIM1; k=rsa; p=..." or the tags a source comment gives;
  * sets `flags` (compromised / weak / recovered) and `provenance` (published /
    gcd_recovered) from the input fields;
  * checks the markers that end `also_found_in` items; completes `same_key_as`
    with every other name in the archive that holds the same key;
  * takes first_seen / last_seen from the hand-judged DATES table below,
    where every date carries a one-line reason;
  * sorts by (domain, selector, record), and refuses duplicates of
    (domain, selector, p), unknown or unused table rows, and bad dates.
Any failed check stops the script with a message and exit status 1.
"""

import argparse
import base64
import json
import re
import sys

FORMAT = "dkimcheck-key-archive"
VERSION = 1
DESCRIPTION = ("Historical public DKIM keys found in public sources, each with where it was "
               "found, when it is known to have been in use, and whether a signature under it "
               "still proves anything.")

# --------------------------------------------------------------------------
# Hand-judged dates.  Key: (domain, selector, p_fragment), where p_fragment is
# a substring of the key's p= value that tells apart two keys under one name.
# Value: (first_seen, last_seen, reason).  Dates are YYYY, YYYY-MM or
# YYYY-MM-DD, or None when nothing dated is known.
#
# Policy (see keys/README.md, "Dates"): a date is the span of *dated evidence*
# that the key was published or used: a use window stated in the notes, a date
# the record was captured from DNS, or the commit date of a source that took
# the key from live DNS.  Selector names that look like dates (s110527,
# 20161025, dk200510, ...) are an operator's naming habit, not evidence; they
# are mentioned in the reason but never used as a date.
# --------------------------------------------------------------------------
UNIPASS_0628 = "UniPass key registry, first committed 2022-06-28 (the only dated evidence)"
UNIPASS_0731 = "UniPass key registry, first committed 2022-07-31 (the only dated evidence)"
WIKILEAKS = ("DkimLocator.cs, committed 2016-10-26 to verify the leaked Podesta/DNC mail "
             "(the only dated evidence)")
JDKIM = ("Apache jDKIM test fixture (FileBasedTest.java), copied from live DNS, committed 2009-10-06 "
         "(the only dated evidence; its corpus messages were received 2009-09-28)")
BLAZE_2021 = "blaze test/cache: cached DNS answer committed 2021-06-08 (the capture date)"
BLAZE_2025 = "blaze test/cache: cached DNS answer committed 2025-04-16 (the capture date)"
DATES = {
    ("126.com", "s110527", "9JpS7EORNjwI"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; selector name hints 2011-05-27"),
    ("163.com", "s110527", "9JpS7EORNjwI"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; selector name hints 2011-05-27"),
    ("188.com", "s110527", "9JpS7EORNjwI"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; selector name hints 2011-05-27"),
    ("vip.126.com", "s110527", "9JpS7EORNjwI"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; selector name hints 2011-05-27"),
    ("vip.163.com", "s110527", "9JpS7EORNjwI"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; selector name hints 2011-05-27"),
    ("vip.188.com", "s110527", "9JpS7EORNjwI"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; selector name hints 2011-05-27"),
    ("yeah.net", "s110527", "9JpS7EORNjwI"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; selector name hints 2011-05-27"),
    ("amazon.com", "yg4mwqurec7fkhzutopddd3ytuaqrvuz", "bK96ORNNFosb"): ("2023-12-27", "2023-12-27", "Crymap annotates the capture from DNS on 2023-12-27"),
    ("auth.ccsend.com", "1000073432", "QbUA/GI9q/nS"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("birthdayalarm.com", "key1024", "J84dZvbOtcAM"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("bounce.bluestatedigital.com", "bsdkey", "1rpd/RcC3QhM"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("bounce.myngp.com", "ngpweb1", "MMWjkJ9CQTE5"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("bounce.myngp.com", "ngpweb3", "FZRWRvxNzHH8"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("bronto.com", "bdk", "Y8MQmVwMUsVy"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("comcast.net", "q20140121", "AQEAwuqXbtRt"): ("2016-10-26", "2016-10-26", WIKILEAKS + "; selector name hints 2014-01-21"),
    ("dccc.org", "dccckey", "+xh45ea5Iiwm"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("football.example.com", "brisbane", "11qYAYKxCrfV"): ("2018-09", None, "RFC 8463 published September 2018 (its example signature has t=2018-06-10); a documentation key, never in real DNS, so no last date"),
    ("football.example.com", "test", "HlOQoBTzWRiG"): ("2018-09", None, "RFC 8463 published September 2018; a documentation key, never in real DNS, so no last date"),
    ("foxmail.com", "s201512", "sFIOSteMStsN"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; selector name hints 2015-12"),
    ("qq.com", "s201512", "sFIOSteMStsN"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; selector name hints 2015-12"),
    ("gmail.com", "20120113", "AQEA1Kd87/Ue"): ("2012-01", "2016-10", "hunter-dkim README: used Jan 2012 to ~Oct 2016"),
    ("gmail.com", "20161025", "AQEAviPGBk4Z"): ("2016-10", "2022-06-28", "took over from 20120113 (~Oct 2016, per hunter-dkim) as the selector name says; last: UniPass registry 2022-06-28 (googlemail.com, same key)"),
    ("gmail.com", "20210112", "AQEAq8JxVBML"): ("2022-06-28", "2022-11-19", "first: UniPass registry 2022-06-28 (googlemail.com, same key); last: near-email-auth commit 2022-11-19; selector name hints 2021-01-12"),
    ("gmail.com", "20221208", "AQEAs6VD4JQQ"): ("2023-08-17", "2023-08-17", "domain-auth doctest of a live DNS lookup, committed 2023-08-17; selector name hints 2022-12-08"),
    ("gmail.com", "20230601", "AQEAntvSKT1h"): ("2023", "2025", "notes: the current gmail.com key as of 2023-2025 (copies captured 2023-12-27 and committed 2024-10-23)"),
    ("gmail.com", "beta", "9TURXN3oNfz+"): ("2007", "2009-10-06", "notes: early (~2007-2008) selector; captured from live DNS in the Mail::DKIM commit of 2008-11-06; last: the same record in the jDKIM fixture committed 2009-10-06 (EXTRA_ALSO_FOUND)"),
    ("google.com", "20120113", "AQEAp5kQ31/a"): ("2016-10-26", "2016-10-26", WIKILEAKS + "; selector name hints 2012-01-13"),
    ("google.com", "20210112", "AQEAtnbQAeqv"): ("2021-11-23", "2021-11-23", "dig output dated 2021-11-23 in the lessonsec post; revoked (empty p=) by March 2025"),
    ("google.com", "20230601", "AQEA4zd3nfUo"): ("2025-04-15", "2025-04-15", "vlayer test asserting the live DoH answer, committed 2025-04-15; revoked by 2026"),
    ("googlegroups.com", "20120806", "AQEAzb2fhKQx"): ("2016-10-26", "2016-10-26", WIKILEAKS + "; selector name hints 2012-08-06"),
    ("googlemail.com", "20161025", "AQEAviPGBk4Z"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; same key as gmail.com 20161025"),
    ("googlemail.com", "20210112", "AQEAq8JxVBML"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; same key as gmail.com 20210112"),
    ("gulaw.onmicrosoft.com", "selector1-gulaw-onmicrosoft-com", "r0dF0wDuUlzt"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("hillaryclinton.com", "google", "dAYdE2z61YpU"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("hotmail.com", "selector1", "AQEAvWyktrIL"): ("2022-06-28", "2022-06-28", UNIPASS_0628 + "; same key as outlook.com selector1"),
    ("icloud.com", "1a1hai", "AQEA1ZEfbkf4"): ("2022-06-28", "2022-06-28", UNIPASS_0628),
    ("icloud.com", "1ca1ba", "AQEAyYkk/RUs"): ("2022-07-31", "2022-07-31", UNIPASS_0731),
    ("mail.com", "dbd5af2cbaf7", "5ZbSJssgli8I"): ("2022-06-28", "2022-06-28", UNIPASS_0628),
    ("mail.salsalabs.net", "s1024-dkim", "Dlqt/YggDxTy"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("mail49.wdc01.mcdlv.net", "k1", "NrX2cY/GUKIF"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("mercedesberk-com.20150623.gappssmtp.com", "20150623", "AQEA2UMfREvl"): ("2016-10-26", "2016-10-26", WIKILEAKS + "; selector name hints 2015-06-23"),
    ("mta-poolbbcs02.cluster3.convio.net", "selector1", "RB/KQvEh8nkr"): ("2016-10-26", "2016-10-26", WIKILEAKS),
    ("near.org", "google", "AQEAvp9AC5yk"): ("2022-11-19", "2022-11-19", "near-email-auth test fixture, committed 2022-11-19"),
    ("outlook.com", "selector1", "AQEAvWyktrIL"): ("2016-01-12", "2024-10-23", "first: the record's own n= creation time 2016-01-12T19:31:53Z; last: ic-dns-oracle fixture committed 2024-10-23"),
    ("pm.me", "protonmail", "AQEApmQIGWzf"): ("2022-06-28", "2022-06-28", UNIPASS_0628),
    ("pm.me", "protonmail2", "AQEAsd+scFJG"): ("2022-06-28", "2022-06-28", UNIPASS_0628),
    ("pm.me", "protonmail3", "AQEAsZKcrrvb"): ("2022-07-31", "2022-07-31", UNIPASS_0731),
    ("protonmail.com", "protonmail", "Z4rqzKDKrfJH"): ("2022-06-28", "2022-06-28", UNIPASS_0628),
    ("protonmail.com", "protonmail2", "AQEAqcSZeZ7H"): ("2022-07-31", "2022-07-31", UNIPASS_0731 + "; replaced the older protonmail2 key"),
    ("protonmail.com", "protonmail2", "AQEAxgiIwCA+"): ("2022-06-28", "2022-06-28", "UniPass DkimKeys.sol 2022-06-28, replaced by a newer key in later commits"),
    ("protonmail.com", "protonmail3", "AQEAzmFrmvka"): ("2022-07-31", "2022-07-31", UNIPASS_0731 + "; replaced the older protonmail3 key"),
    ("protonmail.com", "protonmail3", "AQEAvAXAx6rJ"): ("2022-06-28", "2022-06-28", "UniPass DkimKeys.sol 2022-06-28, replaced by a newer key in later commits"),
    ("redfin.com", "key1", "mk/wFPeFWxrV"): ("2025-01", "2025-01", "dmarcchecker.app article (~Jan 2025) shows it via dig; no longer published since"),
    ("service.comms.yahoo.net", "ep1", "DXY0US14pjNI"): (None, None, "recovered from signatures; found.jsonl gives no date for the mail or the README commit"),
    ("yahoo.co.jp", "dk200510", "SYNH3flPtGnD"): ("2023-08-17", "2023-08-17", "domain-auth doctest of a live DNS lookup, committed 2023-08-17; selector name hints 2005-10"),
    ("yahoo.com", "s1024", "Eee0Ri4Juz+Q"): ("2008-11-06", "2009-10-06", "first: captured from live DNS in the Mail::DKIM commit of 2008-11-06; last: the same record in the jDKIM fixture committed 2009-10-06 (EXTRA_ALSO_FOUND), which also holds a yahoo.com message signed with it on 2009-09-28 (t=1254121592)"),
    ("yahoo.com", "s2048", "AQEAuoWufgbW"): ("2016-10-26", "2023-12-27", "first: DkimLocator.cs copy 2016-10-26; last: Crymap capture from DNS 2023-12-27"),
    # ---- added with lines 58-105 of found.jsonl ----
    ("gmail.com", "gamma", "m/iME3RqOJea"): ("2008-06-02", "2012-02-21", "first and last gamma signatures this key verifies (git@vger.kernel.org archive: 2008-06-02 and 2012-02-21; notes: Gmail moved to 20120113 in early 2012); the jDKIM copy (2009-10-06) falls inside; notes' '~2007/2008' start is not dated evidence"),
    ("googlemail.com", "gamma", "m/iME3RqOJea"): ("2009-10-06", "2009-11-26", "first: " + JDKIM + "; last: a d=googlemail.com s=gamma signature of 2009-11-26 (git@vger.kernel.org) that this key verifies"),
    ("abv.bg", "smtp-out", "K0jqFqy5gC8G"): ("2009-10-06", "2009-10-06", JDKIM),
    ("adidasnewsletter.com", "k1", "1wjcArcmb+ef"): ("2009-10-06", "2009-10-06", JDKIM),
    ("alerts.hp.com", "v1", "sNz5Plbl3b3Z"): ("2009-10-06", "2009-10-06", JDKIM),
    ("amazon.co.uk", "rte02", "Pb0ZGiqcKuXf"): ("2009-10-06", "2009-10-06", JDKIM + "; notes' '~2008-2009' is not dated evidence"),
    ("aweber.com", "dkim_s1024", "da/9yyYMo9qd"): ("2009-10-06", "2009-10-06", JDKIM),
    ("bnpparibas.com", "bnpparibas.com", "xvD0+JcRiugS"): ("2009-10-06", "2009-10-06", JDKIM),
    ("bouncemanager.it", "default", "0MSj1PeC94A7"): ("2009-10-06", "2009-10-06", JDKIM),
    ("brainlounge.de", "domk", "70Rd6v7rp2qa"): ("2009-10-06", "2009-10-06", JDKIM),
    ("contactlab.it", "s768", "w+BXMkFhm+jd"): ("2009-10-06", "2009-10-06", JDKIM),
    ("em.fileplanet.com", "spop", "MgJnsqapraAg"): ("2009-10-06", "2009-10-06", JDKIM),
    ("emailsadvertiser.com", "mail", "Nba/m9uNLWKA"): ("2009-10-06", "2009-10-06", JDKIM),
    ("facebookmail.com", "q1-2009b", "2yrmdqGs9uz8"): ("2009-10-06", "2009-10-06", JDKIM + "; selector name hints Q1 2009"),
    ("gfkresearch.com", "default", "QJG8gaNjdaOO"): ("2009-10-06", "2009-10-06", JDKIM),
    ("google.com", "beta", "u3yVGTzQ3wkw"): ("2009-10-06", "2009-10-06", JDKIM + "; notes' '~2007-2009' is not dated evidence, and nothing dates it to the 2011-2012 mail whose 512-bit google.com key was factored"),
    ("googlegroups.com", "beta", "sBzqh/n7GqCa"): ("2009-10-06", "2009-10-06", JDKIM),
    ("ironport.com", "ironport-dkim", "CKP0+J6/r+yV"): ("2009-10-06", "2009-10-06", JDKIM),
    ("kitterman.com", "2007-00", "BYvX0I1CJzlt"): ("2009-10-06", "2009-10-06", JDKIM + "; selector name hints 2007"),
    ("linkedin.com", "proddkim", "q+TC1xkWcoRM"): ("2009-10-06", "2009-10-06", JDKIM),
    ("listrak.com", "key1", "7ThUrCddHgCn"): ("2009-10-06", "2009-10-06", JDKIM),
    ("mediapost.com", "emailroi", "7GMvPQdbUVyj"): ("2009-10-06", "2009-10-06", JDKIM),
    ("myspace.com", "pmta", "KLsDkwdrqkFJ"): ("2009-09-28", "2009-10-06", "first: signed Date (28 Sep 2009) of jDKIM's corpus message pmta_myspace.com.eml, which this key verifies; last: " + JDKIM),
    ("new-music.itunes.com", "itunes", "JAzPfxtPaeJ1"): ("2009-10-06", "2009-10-06", JDKIM),
    ("newsletters.play.com", "spop", "joBZ+40oZ6/t"): ("2009-10-06", "2009-10-06", JDKIM),
    ("paypal.it", "dkim", "I9QcKW0Ii723"): ("2009-10-06", "2009-10-06", JDKIM),
    ("reply.ebay.it", "emarsys2007", "NvEmpHILm4af"): ("2009-10-06", "2009-10-06", JDKIM + "; selector name hints 2007"),
    ("rodale.delivery.net", "v1", "UZaof+qtRxZa"): ("2009-10-06", "2009-10-06", JDKIM),
    ("sqli.com", "mail", "c0RuXHthVO1x"): ("2017-05-19", "2017-05-19", "signature t=1495204534 (2017-05-19) of jDKIM's corpus message multiHeader.eml, which this key verifies; the 2009-10-06 commit date in the notes is not used: this record is the last of the fixture and its only message is of 2017, so it was probably added then"),
    ("t.contactlab.it", "s768", "w+BXMkFhm+jd"): ("2009-10-06", "2009-10-06", JDKIM),
    ("yahoo-email.com", "200505", "HThjn1QaVdcx"): ("2009-10-06", "2009-10-06", JDKIM + "; selector name hints 2005-05"),
    ("yahoo.co.in", "s1024", "9UGSXau/2P8L"): ("2009-10-06", "2009-10-06", JDKIM + "; same key as yahoo.com s1024"),
    ("yahoogroups.com", "lima", "pDT1pbK0xwkd"): ("2009-10-06", "2009-10-06", JDKIM),
    ("google.com", "arc-20160816", "FhjMc9kZVZu5"): ("2025-04-16", "2025-04-16", BLAZE_2025 + "; selector name hints 2016-08-16; notes' '~2016/2017 to at least 2025' is not dated evidence"),
    ("microsoft.com", "arcselector10001", "3QPh2KHH+Mi5"): ("2025-04-16", "2025-04-16", BLAZE_2025),
    ("subspace.kernel.org", "arc-20240116", "5Hg/lfNJwol1"): ("2025-04-16", "2025-04-16", BLAZE_2025 + "; selector name hints 2024-01-16"),
    ("webhostingserver.nl", "whs1", "wsqKqUHNO7vZ"): ("2025-04-16", "2025-04-16", BLAZE_2025),
    ("mailchimpapp.net", "k1", "ftdAj713WP9A"): ("2021-06-08", "2021-06-08", BLAZE_2021 + "; the same key was copied as mail49.wdc01.mcdlv.net k1 on 2016-10-26"),
    ("mcc.mcsv.net", "k1", "V344VRPr7/wa"): ("2021-06-08", "2021-06-08", BLAZE_2021),
    ("github.com", "pf2014", "hnxv3bXkTtA8"): ("2021-06-08", "2021-06-08", BLAZE_2021 + "; selector name hints 2014"),
    ("github.com", "s20150108", "NkTOG1GlIDm0"): ("2021-06-08", "2021-06-08", BLAZE_2021 + "; selector name hints 2015-01-08"),
    ("discoursemail.com", "sjc2", "FnLNo1YJ3SQP"): ("2021-06-08", "2021-06-08", BLAZE_2021),
    ("sendgrid.info", "smtpapi", "USzuY9zqqzjE"): ("2021-06-08", "2021-06-08", BLAZE_2021 + "; notes' '2012-2018 era' is not dated evidence"),
    ("janestreet.com", "google", "6tO3Z4P3UQKu"): ("2021-06-08", "2021-06-08", BLAZE_2021),
    ("facebook.com", "default", "jZH8JIY5Y964"): ("2014-11-20", "2014-11-20", "live lookup pasted into the dkim-query README, committed 2014-11-20 (4d932fb); the later HEAD copy is undated"),
    ("twitter.com", "dkim", "wZoNZOk5buOf"): ("2014-11-21", "2014-11-21", "live lookup in the dkim-query README, committed 2014-11-21 (01578466)"),
    ("trailofbits.com", "trailofbits", "oEiY5BBviJHJ"): ("2014-11-20", "2014-11-20", "live lookup in the dkim-query README, committed 2014-11-20"),
    ("laposte.net", "mail0", "7uoru51V+fpE"): ("2017-10-23", "2018-11-01", "signatures this recovered key verifies: t=1508750199 (2017-10-23) to t=1541071936 (2018-11-01); the unchecked 2017-10-21 and 2020-04-18 uses of the selector are not evidence for this key"),
}

# Facts from the notes that found.jsonl does not carry in same_key_as.  (same_key_as is
# also completed from the archive itself: every other name in it with the identical p=.)
EXTRA_SAME_KEY = {
    # notes: the same public key is dummy._domainkey.example.org in the ARC test suites.
    ("football.example.com", "test"): ["dummy._domainkey.example.org"],
}

# Copies found.jsonl does not list: the jDKIM fixture that lines 58-90 come from also holds
# these two records, byte-identical to the ones found.jsonl has (checked against the file at
# the commit cited).
JDKIM_FIXTURE = ("apache/james-jdkim@126685ed23bc48fc5200c22cedc9d628033ae2fe:"
                 "main/src/test/java/org/apache/james/jdkim/FileBasedTest.java")
EXTRA_ALSO_FOUND = {
    ("gmail.com", "beta"): [JDKIM_FIXTURE],
    ("yahoo.com", "s1024"): [JDKIM_FIXTURE],
}

# Sentences appended to an entry's notes: conclusions drawn when building the archive.
EXTRA_NOTES = {
    ("google.com", "beta"): (
        "Not flagged compromised: the 512-bit google.com key factored in 2012 was the one in use "
        "then, just before google.com's 2048-bit 20120113; nothing ties it to this record, whose "
        "only date is 2009-10-06, and no copy of the factored key's modulus is known to compare "
        "with (Google may have re-keyed, under beta or another selector, in between). As a 512-bit "
        "key it is flagged weak, which already says a signature under it proves little."),
}

# Markers that may end an also_found_in item ("... [p_only]"): in which form that copy holds the
# key.  gcd_recovered: the copy is a set of signed messages from which the same key was rebuilt
# (an independent confirmation).  signature_verified: signed messages there verify with the key
# (one message cannot give a key, so this confirms the key, it does not rebuild it).
ALSO_FOUND_MARKERS = {"p_only", "pem", "rsa_modulus_hex", "rsa_modulus_decimal", "gcd_recovered",
                      "signature_verified"}
# found.jsonl spellings that are written under another marker.
MARKER_RENAMES = {"gcd_recovered check": "signature_verified"}
MARKER_RE = re.compile(r"\s\[([^\[\]]+)\]$")

# provenance: how the key was obtained.
PROVENANCES = ("published", "gcd_recovered")

# RFC 8463 Appendix A.2, verbatim (TXT strings as printed in the RFC).
RFC8463_A2 = {
    ("football.example.com", "brisbane"): [
        "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
    ],
    ("football.example.com", "test"): [
        "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR",
        "iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC",
        "DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3",
        "Ip3G+2kryOTIKT+l/K4w3QIDAQAB",
    ],
}

FLAG_ORDER = ["compromised", "weak", "recovered"]
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
COMMENT_TAGS_RE = re.compile(r'Source comment gives the other tags: "([^"]*)"')
RSA_OID = bytes.fromhex("2a864886f70d010101")  # 1.2.840.113549.1.1.1


class SeedError(Exception):
    pass


def fail(where, msg):
    raise SeedError("%s: %s" % (where, msg))


# ---------------------------------------------------------------- DER -------
def der_read(buf, pos, where):
    """Read one DER TLV at pos; return (tag, value bytes, next pos)."""
    if pos + 2 > len(buf):
        fail(where, "DER truncated")
    tag = buf[pos]
    length = buf[pos + 1]
    pos += 2
    if length & 0x80:
        n = length & 0x7F
        if n == 0 or n > 4 or pos + n > len(buf):
            fail(where, "bad DER length")
        length = int.from_bytes(buf[pos:pos + n], "big")
        pos += n
    if pos + length > len(buf):
        fail(where, "DER value runs past the end")
    return tag, buf[pos:pos + length], pos + length


def der_int(value, where):
    if not value or value[0] & 0x80:
        fail(where, "DER INTEGER empty or negative")
    return int.from_bytes(value, "big")


def parse_rsa_spki(der, where):
    """SubjectPublicKeyInfo -> (n, e); strict enough to catch a wrong p=."""
    tag, spki, end = der_read(der, 0, where)
    if tag != 0x30 or end != len(der):
        fail(where, "not a single DER SEQUENCE")
    tag, algid, pos = der_read(spki, 0, where)
    if tag != 0x30:
        fail(where, "no AlgorithmIdentifier")
    tag, oid, apos = der_read(algid, 0, where)
    if tag != 0x06 or oid != RSA_OID:
        fail(where, "algorithm is not rsaEncryption")
    tag, bitstr, pos = der_read(spki, pos, where)
    if tag != 0x03 or pos != len(spki) or not bitstr or bitstr[0] != 0:
        fail(where, "bad subjectPublicKey BIT STRING")
    rsakey = bitstr[1:]
    tag, seq, end = der_read(rsakey, 0, where)
    if tag != 0x30 or end != len(rsakey):
        fail(where, "RSAPublicKey is not a SEQUENCE")
    tag, nbytes, pos = der_read(seq, 0, where)
    if tag != 0x02:
        fail(where, "no modulus INTEGER")
    tag, ebytes, pos = der_read(seq, pos, where)
    if tag != 0x02 or pos != len(seq):
        fail(where, "no exponent INTEGER")
    return der_int(nbytes, where), der_int(ebytes, where)


def b64decode_strict(s, where):
    if not re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", s) or len(s) % 4:
        fail(where, "p is not canonical base64")
    return base64.b64decode(s, validate=True)


# ------------------------------------------------------------- records -----
def txt_tags(record):
    """Tag list of a DKIM key record (RFC 6376 3.6.1), whitespace removed."""
    tags = {}
    for part in record.split(";"):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise ValueError("tag without '=': %r" % part)
        name, value = part.split("=", 1)
        name = name.strip()
        if name in tags:
            raise ValueError("duplicate tag %s" % name)
        tags[name] = re.sub(r"\s+", "", value) if name == "p" else value.strip()
    return tags


def build_record(d, where):
    """Return (record, derived, found_as) for one input line."""
    kind, p = d["kind"], d["p"]
    if kind == "txt_record":
        record = d["record"]
        a2 = RFC8463_A2.get((d["domain"], d["selector"]))
        if a2 is not None:
            if "".join(a2) != record:
                fail(where, "record differs from RFC 8463 Appendix A.2")
            record = "".join(a2)
        return record, None, None
    if kind == "p_only":
        if d["record"] != p:
            fail(where, "p_only record is not the p value")
        found_as = {"kind": "p_only", "value": d["record"]}
        if d.get("provenance") == "gcd_recovered":
            return ("v=DKIM1; k=rsa; p=" + p,
                    "Rebuilt from DKIM signatures (GCD of two signatures), never read from DNS; only "
                    "the key is known, so the record is built as \"v=DKIM1; k=rsa; p=...\".",
                    found_as)
        m = COMMENT_TAGS_RE.search(d.get("notes", ""))
        if m:
            tags = m.group(1).strip().rstrip(";").strip()
            return (tags + "; p=" + p,
                    "Only the p= value was found; the other tags come from the source's comment: "
                    "\"%s\"." % m.group(1),
                    found_as)
        return ("v=DKIM1; k=rsa; p=" + p,
                "Only the p= value was found; the record is built as \"v=DKIM1; k=rsa; p=...\" "
                "(the source gives no other tags).",
                found_as)
    if kind == "rsa_modulus_hex":
        return ("v=DKIM1; k=rsa; p=" + p,
                "Rebuilt as SubjectPublicKeyInfo from an RSA modulus (hex) with e=65537 (assumed); "
                "the source held no TXT record, so the record is built as \"v=DKIM1; k=rsa; p=...\".",
                {"kind": kind, "value": d["record"]})
    if kind == "rsa_modulus_decimal":
        return ("v=DKIM1; k=rsa; p=" + p,
                "Rebuilt as SubjectPublicKeyInfo from an RSA modulus and exponent (decimal, as "
                "given); the source held no TXT record, so the record is built as "
                "\"v=DKIM1; k=rsa; p=...\".",
                {"kind": kind, "value": d["record"]})
    fail(where, "unknown kind %r" % kind)


def check_key(d, record, where):
    """Validate p, bits and (for modulus sources) the rebuilt key."""
    p, kt, bits = d["p"], d["key_type"], d["bits"]
    raw = b64decode_strict(p, where)
    try:
        tags = txt_tags(record)
    except ValueError as e:
        fail(where, "record does not parse: %s" % e)
    if tags.get("p") != p:
        fail(where, "record's p= is not the key's p")
    if "v" in tags and (tags["v"] != "DKIM1" or not record.lstrip().startswith("v=")):
        fail(where, "v= must be DKIM1 and come first")
    if tags.get("k", "rsa") != kt:
        fail(where, "k= %r does not match key_type %r" % (tags.get("k", "rsa"), kt))
    if kt == "ed25519":
        if len(raw) != 32 or bits != 256:
            fail(where, "Ed25519 p= must be a raw 32-byte key (RFC 8463), bits 256")
        return
    if kt != "rsa":
        fail(where, "unknown key_type %r" % kt)
    n, e = parse_rsa_spki(raw, where)
    if n.bit_length() != bits:
        fail(where, "modulus has %d bits, found.jsonl says %d" % (n.bit_length(), bits))
    if d["kind"] == "rsa_modulus_hex":
        src = d["record"].lower()
        src = src[2:] if src.startswith("0x") else src
        if int(src, 16) != n or e != 65537:
            fail(where, "p is not the source modulus with e=65537")
    elif d["kind"] == "rsa_modulus_decimal":
        mn = re.search(r"public_n = (\d+)", d["record"])
        me = re.search(r"public_e = (\d+)", d["record"])
        ms = re.search(r"public_size = (\d+)", d["record"])
        if not (mn and me and ms) or int(mn.group(1)) != n or int(me.group(1)) != e \
                or int(ms.group(1)) * 8 != bits:
            fail(where, "p is not the source modulus/exponent")


def edit_notes(text):
    """Light edits for a reader; every fact and date is kept."""
    text = text.replace("p_derived = SubjectPublicKeyInfo base64 rebuilt",
                        "The p= value (SubjectPublicKeyInfo, base64) was rebuilt")
    text = text.replace("p_derived rebuilt from n and e as given",
                        "The p= value was rebuilt from n and e as given")
    text = text.replace("(code corpus)", "(found in public code)")
    return text.strip()


def check_date(s, where):
    if s is not None and not DATE_RE.match(s):
        fail(where, "bad date %r" % s)


def date_key(s, end):
    """Earliest (end=False) or latest (end=True) day a partial date can mean."""
    parts = s.split("-")
    while len(parts) < 3:
        parts.append("12" if end and len(parts) == 1 else ("31" if end else "01"))
    return tuple(int(x) for x in parts)


# --------------------------------------------------------------- build -----
def build(lines):
    entries, seen, used = [], set(), set()
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        d = json.loads(line)
        where = "found.jsonl:%d (%s._domainkey.%s)" % (lineno, d.get("selector"), d.get("domain"))
        for field in ("domain", "selector", "record", "kind", "p", "key_type", "bits", "source"):
            if field not in d:
                fail(where, "missing field %s" % field)
        ident = (d["domain"].lower(), d["selector"].lower(), d["p"])
        if ident in seen:
            fail(where, "duplicate (domain, selector, p)")
        seen.add(ident)

        record, derived, found_as = build_record(d, where)
        check_key(d, record, where)

        rows = [k for k in DATES if k[0] == d["domain"] and k[1] == d["selector"] and k[2] in d["p"]]
        if len(rows) != 1:
            fail(where, "needs exactly one DATES row, has %d" % len(rows))
        used.add(rows[0])
        first, last, _reason = DATES[rows[0]]
        check_date(first, where)
        check_date(last, where)
        if first and last and date_key(first, False) > date_key(last, True):
            fail(where, "first_seen after last_seen")

        provenance = d.get("provenance", "published")
        if provenance not in PROVENANCES:
            fail(where, "unknown provenance %r" % provenance)
        if provenance == "gcd_recovered" and d["kind"] != "p_only":
            fail(where, "a gcd_recovered key must be given as p_only")
        flags = set()
        if d.get("compromised"):
            flags.add("compromised")
        if d["key_type"] == "rsa" and d["bits"] < 1024:
            flags.add("weak")
        if provenance == "gcd_recovered":
            flags.add("recovered")

        same = list(d.get("same_key_as", []))
        for extra in EXTRA_SAME_KEY.get((d["domain"], d["selector"]), []):
            if extra not in same:
                same.append(extra)

        also = []
        for item in list(d.get("also_found_in", [])) + EXTRA_ALSO_FOUND.get((d["domain"], d["selector"]), []):
            m = MARKER_RE.search(item)
            if m:
                marker = MARKER_RENAMES.get(m.group(1), m.group(1))
                if marker not in ALSO_FOUND_MARKERS:
                    fail(where, "unknown also_found_in marker [%s]" % m.group(1))
                item = item[:m.start()] + " [%s]" % marker
            if item in also or item == d["source"]:
                fail(where, "also_found_in repeats %r" % item)
            also.append(item)

        notes = edit_notes(d.get("notes", ""))
        extra_note = EXTRA_NOTES.get((d["domain"], d["selector"]))
        if extra_note:
            notes = (notes + " " + extra_note).strip()

        entries.append({
            "domain": d["domain"],
            "selector": d["selector"],
            "record": record,
            "key_type": d["key_type"],
            "bits": d["bits"],
            "first_seen": first,
            "last_seen": last,
            "source": d["source"],
            "also_found_in": also,
            "same_key_as": same,
            "flags": [f for f in FLAG_ORDER if f in flags],
            "provenance": provenance,
            "derived": derived,
            "found_as": found_as,
            "notes": notes,
            # kept only for the cross-checks below; not written
            "_p": d["p"],
            "_compromised": d.get("compromised"),
        })

    unused = set(DATES) - used
    if unused:
        fail("DATES", "rows match no key: %s" % sorted(unused))
    for table in (EXTRA_SAME_KEY, EXTRA_ALSO_FOUND, EXTRA_NOTES):
        for k in table:
            if not any((e["domain"], e["selector"]) == k for e in entries):
                fail("EXTRA tables", "no key %s" % (k,))

    # same_key_as must point, where the named key is in the archive, at the same p.
    by_name, by_p = {}, {}
    for e in entries:
        name = "%s._domainkey.%s" % (e["selector"], e["domain"])
        by_name.setdefault(name, []).append(e["_p"])
        by_p.setdefault(e["_p"], []).append(name)
    for e in entries:
        for name in e["same_key_as"]:
            if name in by_name and e["_p"] not in by_name[name]:
                fail("%s %s" % (e["domain"], e["selector"]), "same_key_as %s has another key" % name)
    # ...and name every other archive name holding the identical key, so that it is symmetric.
    for e in entries:
        own = "%s._domainkey.%s" % (e["selector"], e["domain"])
        for name in sorted(by_p[e["_p"]]):
            if name != own and name not in e["same_key_as"]:
                e["same_key_as"].append(name)

    # The compromised reason must survive into the notes.
    for e in entries:
        c = e["_compromised"]
        if c and c.lower() not in e["notes"].lower():
            e["notes"] += " Compromised: %s." % c

    entries.sort(key=lambda e: (e["domain"], e["selector"], e["record"]))
    for e in entries:
        del e["_p"], e["_compromised"]
    return {"format": FORMAT, "version": VERSION, "description": DESCRIPTION, "keys": entries}


def summary_markdown(archive):
    keys = archive["keys"]
    domains = sorted({k["domain"] for k in keys})
    distinct = len({txt_tags(k["record"])["p"] for k in keys})
    count = {f: sum(f in k["flags"] for k in keys) for f in FLAG_ORDER}
    prov = {p: sum(k["provenance"] == p for k in keys) for p in PROVENANCES}
    out = ["%d keys (%d distinct), %d domains; flags: %s; provenance: %s." % (
        len(keys), distinct, len(domains), ", ".join("%s %d" % (f, count[f]) for f in FLAG_ORDER),
        ", ".join("%s %d" % (p, prov[p]) for p in PROVENANCES)), "",
        "| domain | selector | type | bits | first seen | last seen | flags | found as |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for k in keys:
        kind = k["found_as"]["kind"] if k["found_as"] else "txt_record"
        if k["provenance"] == "gcd_recovered":
            kind = "gcd_recovered"
        out.append("| %s | %s | %s | %d | %s | %s | %s | %s |" % (
            k["domain"], k["selector"], k["key_type"], k["bits"], k["first_seen"] or "?",
            k["last_seen"] or "?", ", ".join(k["flags"]) or "", kind))
    return "\n".join(out) + "\n"


def update_readme(path, table):
    begin, end = "<!-- summary:begin (generated by keys/seed/seed_archive.py) -->", "<!-- summary:end -->"
    with open(path, encoding="utf-8") as f:
        text = f.read()
    i, j = text.find(begin), text.find(end)
    if i < 0 or j < i:
        raise SeedError("%s: summary markers not found" % path)
    text = text[:i + len(begin)] + "\n" + table + text[j:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    ap = argparse.ArgumentParser(description="Build the dkimcheck key archive from found.jsonl.")
    ap.add_argument("found", help="path to found.jsonl (in CI: ../shared/keys/found.jsonl)")
    ap.add_argument("-o", "--output", help="write the archive here instead of standard output")
    ap.add_argument("--readme", help="refresh the generated summary table in this README")
    ap.add_argument("--summary", action="store_true", help="print the summary table instead")
    args = ap.parse_args(argv)
    try:
        with open(args.found, encoding="utf-8") as f:
            archive = build(f.readlines())
        text = json.dumps(archive, indent=2, ensure_ascii=False) + "\n"
        if args.readme:
            update_readme(args.readme, summary_markdown(archive))
        if args.summary:
            sys.stdout.write(summary_markdown(archive))
        elif args.output:
            with open(args.output, "w", encoding="utf-8") as f:
                f.write(text)
        else:
            sys.stdout.write(text)
    except (SeedError, OSError, ValueError, KeyError) as e:
        sys.stderr.write("seed_archive: %s\n" % e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
