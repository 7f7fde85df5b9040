# dkimcheck — catalogue français. Mêmes identifiants que en.ftl (les tests échouent sinon).
# Typographie : espace fine insécable (U+202F) avant ; ! ?, espace insécable (U+00A0) avant :
# et à l’intérieur des guillemets « », apostrophe ’. Pour un lecteur non spécialiste : les mots
# des RFC seulement dans les détails techniques. Jamais plus affirmatif que l’anglais.

## Briques

two-sentences = { $a } { $b }
list-more = { $list }, { $item }
unknown-domain = un domaine inconnu
unknown-key-name = sa clé
date-long = { date-day } { $month } { $year }
# Le jour du mois dans une date : « 1er » pour le premier.
date-day = { $day ->
    [1] 1er
   *[other] { $day }
}
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-month = { $month } { $year }

## Rapport : le titre d’un message (ce que veut dire son évaluation), puis ses réserves

headline-unsigned = Ce message n’a pas de signature DKIM : rien ne peut être vérifié sur sa provenance.
headline-verified = Signé par { $domain } : les parties signées n’ont pas changé depuis.
headline-verified-misaligned = Signé par { $domain }, qui n’est pas le domaine de l’adresse de l’expéditeur ({ $from }). Les parties signées n’ont pas changé depuis.
headline-consistent = Cohérent avec une même clé reconstituée à partir { $count ->
    [one] d’un de ces messages
   *[other] de { $count } de ces messages
} ; cette clé n’est connue d’aucune source publique. Rien ne montre que { $domain } l’a signé.
headline-body-changed-recovered = Les en-têtes signés correspondent à une clé reconstituée à partir de ces messages (inconnue de toute source publique), et le corps a été modifié après la signature.
headline-proves-nothing-compromised = La signature correspond à une clé de { $domain }, mais la moitié privée de cette clé est publique : n’importe qui a pu faire cette signature, elle ne prouve donc rien.
headline-proves-nothing-weak = La signature correspond à une clé de { $bits } bits de { $domain }, que n’importe qui peut casser : elle ne prouve rien.
headline-body-changed-compromised = Les en-têtes correspondent à une clé de { $domain } dont la moitié privée est publique (ils ne prouvent donc rien), et le corps du message a été modifié après la signature.
headline-body-changed-weak = Les en-têtes correspondent à une clé de { $bits } bits de { $domain }, que n’importe qui peut casser (ils ne prouvent donc rien), et le corps du message a été modifié après la signature.
headline-body-changed = Signé par { $domain }, mais le corps du message a été modifié après la signature.
headline-failed = Une signature se réclame de { $domain }, mais sa vérification échoue : le message a été modifié après la signature, ou la signature n’a jamais été faite avec la clé de { $domain }.
headline-no-key = Aucune clé publique n’est connue ici pour { $name } : ajoutez la clé publiée quand le message a été envoyé (son enregistrement DNS TXT) pour vérifier la signature.
headline-not-checked = La signature n’a pas pu être contrôlée. { $explanation }
headline-not-verified = La signature n’a pas pu être vérifiée. { $explanation }

## Rapport : une ligne juste sous le verdict, sur ce qu’il ne veut pas dire

verdict-note-verified = Cela montre qu’un serveur de messagerie détenant la clé de { $domain } a signé ces parties. Cela ne montre pas qui a écrit le message, ni que ce qu’il dit est vrai, ni quoi que ce soit sur les parties que la signature ne couvre pas.
verdict-note-consistent = Même si cette clé est bien celle de { $domain }, cela montrerait seulement qu’un serveur de messagerie la détenant a signé ces parties : ni qui a écrit le message, ni que ce qu’il dit est vrai, ni quoi que ce soit sur les parties que la signature ne couvre pas.
verdict-note-failed = Un échec n’est pas la preuve d’un faux : les listes de diffusion, les transferts et les logiciels de messagerie modifient souvent les messages sans malice. Cela veut seulement dire que DKIM ne peut rien garantir pour cette copie.

## Rapport : pourquoi les champs du message ne sont pas confirmés, selon l’évaluation (au-dessus de From, To…)

fields-unconfirmed-consistent = La signature ne se vérifie qu’avec une clé reconstituée à partir de ces messages, et non avec une clé connue comme celle du domaine : aucun de ces champs n’est donc confirmé.
fields-unconfirmed-proves-nothing = La signature ne prouve rien (n’importe qui a pu la faire) : aucun de ces champs n’est donc confirmé, chacun a pu être modifié.
fields-unconfirmed-failed = La signature ne se vérifie pas : aucun de ces champs n’est donc confirmé, chacun a pu être modifié.
fields-unconfirmed-no-key = La signature n’a pas pu être vérifiée (sa clé n’est pas connue ici) : aucun de ces champs n’est donc confirmé, chacun a pu être modifié.
fields-unconfirmed-expired = La signature avait expiré au moment choisi : aucun de ces champs n’est donc confirmé à ce moment-là.
fields-unconfirmed-invalid = La signature n’a pas pu être évaluée : aucun de ces champs n’est donc confirmé, chacun a pu être modifié.
fields-unconfirmed-unsigned = Le message n’a pas de signature DKIM : aucun de ces champs n’est donc confirmé, chacun a pu être modifié.
caveat-identity = La signature dit avoir été faite au nom de { $identity } (i=).
caveat-sender-signed = Le champ Sender signé est { $sender }.
caveat-sender-unsigned = Le champ Sender ({ $sender }) n’est couvert par aucune signature vérifiée.
caveat-testing-key = Le domaine avait déclaré cette clé « en test » (t=y) ; cela n’affaiblit pas les mathématiques de la signature.
caveat-user-key = La vérification s’est faite avec une clé qui n’est pas dans l’archive intégrée ({ $origin }) : elle ne vaut que ce que vaut la provenance de cette clé.
caveat-user-key-added = vous l’avez ajoutée
caveat-key-date-window = La clé a été vue dans des sources publiques { $window }, et la date du message (Date) est en dehors de cette période.
caveat-partial-body = { $bytes ->
    [one] Le dernier octet du corps n’est pas couvert par la signature (l=) et a pu être ajouté par n’importe qui.
   *[other] Les { $bytes } derniers octets du corps ne sont pas couverts par la signature (l=) et ont pu être ajoutés par n’importe qui.
}

## Rapport : une signature expirée à la date où elle est jugée

expired-judged = Jugée à la date du { $judged } ({ $source }), la signature avait expiré le { $expires } : un serveur de réception ne l’accepterait plus.
expired-plain = La signature a expiré : { $detail }.
expired-valid-at-date = La vérification réussit, et la signature n’avait pas encore expiré à la date du message : l’expiration DKIM indique aux serveurs de réception combien de temps accepter une signature, elle ne rend pas fausse une signature authentique.
expired-verifies-expired-at-date = La vérification réussit, mais la signature avait déjà expiré à la date du message.
expired-does-not-verify = La vérification échoue aussi.
expired-verifies = La vérification réussit.
time-source-signature = au moment de la signature, t=
time-source-message-date = la date du message (Date)
time-source-now = maintenant
time-source-given = la date que vous avez choisie

## Rapport : l’explication d’une signature

sig-proves-nothing-compromised = La signature correspond à la clé de { $domain }, mais la moitié privée de cette clé est publique : n’importe qui a pu la faire. Elle ne prouve rien sur l’expéditeur de ce message.
sig-proves-nothing-weak = La signature correspond à la clé RSA de { $bits } bits de { $domain }, que n’importe qui peut casser : elle ne prouve rien sur l’expéditeur de ce message (la RFC 8301 interdit d’accepter les clés de moins de 1024 bits).
sig-verified = Vérifiée : { $domain } a signé ce message, et rien de ce qu’il a signé n’a changé depuis.
sig-verified-with-key = Vérifiée : { $domain } a signé ce message, et rien de ce qu’il a signé n’a changé depuis. Vérification faite avec { $key }.
sig-consistent = Cohérente avec une même clé reconstituée à partir { $count ->
    [one] d’un de ces messages
   *[other] de { $count } de ces messages
} ; cette clé n’est connue d’aucune source publique.
sig-body-changed-recovered = Les en-têtes signés correspondent à une même clé reconstituée à partir { $count ->
    [one] d’un de ces messages
   *[other] de { $count } de ces messages
} (une clé inconnue de toute source publique), mais le corps a été modifié après la signature.
sig-weak-key-headers-match = Les en-têtes signés correspondent à la clé RSA de { $bits } bits de { $domain }, que n’importe qui peut casser : ils ne prouvent donc rien ; et le corps ne correspond pas à l’empreinte contenue dans la signature.
sig-weak-key = La vérification de la signature échoue avec la clé RSA de { $bits } bits connue ici pour { $name } (une clé que n’importe qui peut casser) : les en-têtes signés ont changé, ou la signature n’a jamais été faite avec cette clé.
sig-body-changed-compromised = Le corps ne correspond pas à l’empreinte contenue dans la signature. Les en-têtes signés correspondent à la clé de { $domain }, mais la moitié privée de cette clé est publique : ils ne prouvent donc rien.
sig-body-changed = Le corps ne correspond pas à l’empreinte contenue dans la signature : il a été modifié après que { $domain } a signé le message. La vérification de la signature des en-têtes réussit avec la clé de { $domain }.
sig-headers-changed = La vérification de la signature échoue avec la clé connue ici pour { $name } : les en-têtes signés (comme From, Subject ou Date) ont changé après la signature, ou la signature n’a jamais été faite avec cette clé. Rien ici ne montre que { $domain } a signé ce message.
sig-body-and-headers-changed = La vérification de la signature échoue avec la clé connue ici pour { $name }, et le corps ne correspond pas non plus à l’empreinte contenue dans la signature : le message a été modifié après la signature, ou la signature n’a jamais été faite avec cette clé. Rien ici ne montre que { $domain } a signé ce message.
sig-no-key-here = Aucune clé publique n’est connue ici pour { $name } : cette signature ne peut donc pas être contrôlée. Ajoutez l’enregistrement DNS de la clé, tel qu’il était publié à l’envoi du message, pour la contrôler.
sig-no-key-published = Aucune clé n’est publiée à { $name } : cette signature ne peut donc pas être vérifiée.
sig-key-lookup-failed = La clé publiée à { $name } n’a pas pu être obtenue pour l’instant ; une nouvelle tentative peut réussir.
sig-key-revoked = { $domain } a révoqué cette clé (son enregistrement à { $name } est vide) : la signature ne compte donc plus.
sig-bad-key = La clé de { $name } ne peut pas servir pour cette signature : { $detail }.
sig-malformed = La signature est mal formée ou non prise en charge, elle ne peut donc pas être contrôlée : { $detail }.

## Rapport : la clé utilisée (« Vérifiée avec … »)

key-kind-ed25519 = Ed25519
key-kind-rsa = RSA de { $bits } bits
key-from-bundled = de l’archive de clés intégrée à dkimcheck
key-from-added = que vous avez ajoutée
key-from-origin = provenant de { $origin }
key-phrase = la clé { $kind } { $from }
key-phrase-seen = la clé { $kind } { $from }, vue { $window }
key-phrase-seen-inside = la clé { $kind } { $from }, vue { $window } ; le message est daté de cette période
key-phrase-seen-outside = la clé { $kind } { $from }, vue { $window } ; la date du message est en dehors de cette période
window-on = { $date_kind ->
    [day] le { $date }
   *[other] en { $date }
}
window-from-to = entre { $first_kind ->
    [day] le { $first }
   *[other] { $first }
} et { $last_kind ->
    [day] le { $last }
   *[other] { $last }
}
window-from = depuis { $first_kind ->
    [day] le { $first }
   *[other] { $first }
}
window-until = { $last_kind ->
    [day] jusqu’au { $last }
   *[other] jusqu’en { $last }
}
window-unknown = à une date inconnue
key-origin-bundled = l’archive intégrée
key-origin-added = ajoutée par vous
key-origin-recovered-here = reconstituée à partir de ces messages
key-origin-file = fichier de clés { $file }
key-origin-other = { $origin }

## Rapport : avertissements sur une signature

warning-sha1 = Cette signature utilise SHA-1, que la RFC 8301 interdit pour DKIM : on sait fabriquer des collisions SHA-1, cette signature est donc une preuve plus faible qu’une signature SHA-256.
warning-compromised-key = La moitié privée de cette clé est publique (elle a été publiée ou cassée) : n’importe qui a pu faire cette signature, qui ne prouve rien sur l’expéditeur du message.
warning-recovered-key = Cette clé a été reconstituée à partir de signatures, et non lue dans le DNS : c’est très probablement la clé du domaine, mais aucune copie de l’enregistrement publié n’a été trouvée.
warning-recovered-key-here = Cette clé a été calculée à partir des signatures de ces messages eux-mêmes ; aucune source publique ne la connaît. Elle montre que ces messages ont été signés avec une seule et même clé, pas que cette clé était celle du domaine : qui a fabriqué tous ces messages a pu les signer avec sa propre clé.
warning-testing-key = Le domaine avait déclaré cette clé « en test » (t=y dans son enregistrement DNS), ce qui demandait aux destinataires de l’époque de ne pas traiter ses signatures autrement que du courrier non signé. Cela n’affaiblit pas les mathématiques de la signature.
warning-unsigned-header = { $count ->
    [one] Non couvert par cette signature : { $names }. Ce champ a pu être ajouté ou modifié après la signature sans la casser.
   *[other] Non couverts par cette signature : { $names }. Ces champs ont pu être ajoutés ou modifiés après la signature sans la casser.
}
warning-extra-header-instance = Le message contient { $present } champs { $name }, mais la signature n’en couvre que { $listed } : le champ en trop a pu être ajouté après la signature, et un logiciel de messagerie peut afficher celui-là.
warning-partial-body = Seuls les { $signed } premiers octets du corps sont signés (l={ $l }) ; les { $unsigned } derniers octets ne sont pas couverts et ont pu être ajoutés par n’importe qui.
warning-key-date-window = Cette clé a été vue dans des sources publiques { $window }, et la date du message (Date) est en dehors de cette période. Les clés servent souvent bien avant et bien après les dates où on les a vues, et l’expéditeur peut choisir la date du champ Date : c’est un indice, pas une preuve.
warning-future-timestamp = La signature prétend avoir été faite dans le futur (t= est postérieur au moment de la vérification).
warning-expired-since = La signature a expiré le { $expires } (x=). L’expiration DKIM indique aux serveurs de réception combien de temps accepter une signature ; elle ne rend pas fausse une signature authentique. Elle est jugée ici à la date de sa signature.

## Rapport : détails techniques d’un résultat (les termes des RFC y ont leur place)

detail-as-given = { $text }
detail-no-key-record = aucun enregistrement de clé n’existe à { $name }
detail-no-key-known = aucune clé pour { $name } n’est connue ici
detail-no-usable-key = aucune clé utilisable
detail-key-type-mismatch = la clé est de type { $key_type } mais la signature utilise { $algorithm }
detail-key-hash-not-allowed = la clé n’autorise que h={ $h }
detail-key-not-for-email = la balise s= de la clé n’inclut pas email
detail-key-strict-identity = la clé a t=s mais i= est dans un sous-domaine de d=
detail-body-length-exceeds-body = l={ $l } dépasse la longueur du corps ({ $length } octets après canonicalisation)
detail-expired = la signature a expiré le { $expires } (x={ $x })
detail-weak-key = la clé RSA ne fait que { $bits } bits ; la RFC 8301 interdit d’accepter les clés de moins de 1024 bits
detail-body-changed = l’empreinte du corps (bh=) ne correspond pas au corps
detail-headers-changed = la signature des en-têtes (b=) ne se vérifie pas avec cette clé
detail-body-and-headers-changed = ni l’empreinte du corps (bh=) ni la signature des en-têtes (b=) ne correspondent
tag-error-missing-equals = « { $spec } » n’est pas de la forme nom=valeur
tag-error-bad-name = nom de balise invalide « { $name } »
tag-error-bad-value = la balise { $tag }= contient un caractère invalide
tag-error-duplicate = la balise { $tag }= apparaît plusieurs fois
tag-error-empty = balise vide (« ;; » ou « ; » au début)
sig-error-tag-list = la signature n’est pas une liste de balises valide : { $error }
sig-error-missing-tag = la balise obligatoire { $tag }= manque
sig-error-version = version non prise en charge v={ $v } (seul v=1 est le DKIM normalisé par la RFC 6376)
sig-error-algorithm = algorithme non pris en charge a={ $a }
sig-error-canonicalization = canonicalisation invalide c={ $c }
sig-error-base64 = { $tag }= n’est pas du base64 valide
sig-error-domain = d={ $d } n’est pas un nom de domaine valide
sig-error-selector = s={ $s } n’est pas un sélecteur valide
sig-error-header-list = h= est mal formé : « { $name } » n’est pas un nom de champ d’en-tête
sig-error-from-not-signed = h= n’inclut pas From, que toute signature doit couvrir
sig-error-identity = i={ $i } n’est pas une identité valide
sig-error-identity-outside-domain = i={ $i } n’est pas dans le domaine signataire d={ $d }
sig-error-number = { $tag }= n’est pas un nombre valide
sig-error-expiry-before-timestamp = la date d’expiration x= n’est pas postérieure à la date de signature t=
sig-error-query-method = q={ $q } n’inclut pas la méthode de requête dns/txt
key-error-der = la clé RSA n’est pas du DER valide ({ $what })
key-error-not-rsa = la clé n’est pas une clé RSA (identifiant d’algorithme { $oid })
key-error-modulus = le module RSA est invalide
key-error-exponent = l’exposant public RSA est invalide
key-error-exponent-too-large = l’exposant public RSA a { $bits } bits ; les exposants au-delà de 2^64 sont refusés
key-error-too-large = la clé RSA fait { $bits } bits ; les clés de plus de 8192 bits sont refusées
key-error-ed25519-length = une clé Ed25519 doit faire 32 octets bruts (RFC 8463), celle-ci en fait { $length }
key-error-ed25519-point = la clé Ed25519 n’est pas un point valide de la courbe
key-error-names = le sélecteur et le domaine doivent être des noms DNS
key-record-error-syntax = l’enregistrement de clé n’est pas une liste de balises valide : { $error }
key-record-error-version = l’enregistrement de clé a v={ $v } ; seul v=DKIM1, en première balise, est valide
key-record-error-no-key = l’enregistrement de clé n’a pas de balise p=
key-record-error-revoked = la clé a été révoquée (p= vide)
key-record-error-base64 = p= n’est pas du base64 valide
key-record-error-key-type = type de clé inconnu k={ $k }

## Lecture des clés (texte de zone ou de dig, JSON d’archive)

zone-error-line = ligne { $line } : { $error }
zone-error-no-name = un enregistrement doit commencer par son nom
zone-error-no-type = pas de type d’enregistrement après le nom { $name }
zone-error-no-type-value = pas de type d’enregistrement après le nom { $name } : écrivez { $name }. IN TXT "v=DKIM1; ..."
zone-error-txt-no-data = l’enregistrement TXT de { $name } n’a pas de données
zone-error-cname-no-target = l’enregistrement CNAME de { $name } n’a pas de cible
zone-error-bad-type = « { $type } » n’est pas un type d’enregistrement
zone-error-unclosed-quote = une chaîne entre guillemets n’est pas fermée
zone-error-unclosed-parenthesis = une parenthèse n’est pas fermée
import-error-zone = aucun enregistrement de clé n’a pu être lu : { $errors }
import-error-no-records = aucun enregistrement de clé trouvé (lignes attendues de la forme : selector._domainkey.example.com. IN TXT "v=DKIM1; p=...")
archive-error-json = ce n’est pas une archive de clés (formats attendus : l’archive de dkimcheck ou la liste JSON de zk-email) : { $error }
archive-error-format = format d’archive inconnu { $format } version { $version }

## Rapport : comment le fichier a été lu, et ce qui n’est pas un message

note-mbox-line-skipped = Le fichier commençait par une ligne de séparation mbox "From " ; elle a été ignorée.
note-lf-converted = Le fichier utilisait des fins de ligne LF ; il a été vérifié en CRLF, la forme sous laquelle le courrier est envoyé.
note-malformed-lines = { $count ->
    [one] { $count } ligne de l’en-tête n’est pas un champ d’en-tête (pas de deux-points) ; elle ne peut pas être signée.
   *[other] { $count } lignes de l’en-tête ne sont pas des champs d’en-tête (pas de deux-points) ; elles ne peuvent pas être signées.
}
note-header-lines-cut = Le message a { $count } lignes d’en-tête ; seules les { $max } premières sont affichées.
note-signatures-skipped = Le message a { $count } signatures DKIM ; seules les { $max } premières ont été contrôlées.
error-empty-file = Le fichier est vide.
error-not-email = Aucun champ d’en-tête de courriel n’a été trouvé : cela ne ressemble pas à un courriel.
error-not-checked = Ce message n’est pas vérifié : { $why }.
note-body-not-shown = Le corps et les pièces jointes ne sont pas affichés : { $why }. Les signatures sont quand même vérifiées.
budget-exceeded = plus de { $max } { $what } : au-delà du maximum permis (limite { $code })
budget-exceeded-found = { $found } { $what } : au-delà du maximum de { $max } (limite { $code })
budget-what-message-bytes = octets dans un message
budget-what-header-fields = champs d’en-tête dans un message
budget-what-tags = balises dans une liste de balises
budget-what-keys-per-name = clés sous un même nom
budget-what-signatures = signatures par message
budget-what-mime-parts = parties MIME et messages imbriqués affichés
budget-what-zip-inflated-bytes = octets décompressés de ce zip (100 fois sa taille plus 64 Mio, zips imbriqués compris)
budget-what-zip-members = éléments dans un zip (zips imbriqués compris)
budget-what-zip-nesting = niveaux de zips dans des zips
key-skipped = { $name } : { $why } ; cette clé est ignorée

## Évaluations : étiquettes de la ligne de commande, décomptes, façon de juger

label-verified = VÉRIFIÉ
label-consistent = COHÉRENT
label-proves-nothing = NE-PROUVE-RIEN
label-failed = ÉCHEC
label-no-key = PAS-DE-CLÉ
label-expired = EXPIRÉ
label-invalid = IMPOSSIBLE-À-ÉVALUER
label-unsigned = NON-SIGNÉ
label-error = ILLISIBLE
tally-main = { $verified ->
    [one] { $verified } message vérifié sur { $total }
   *[other] { $verified } messages vérifiés sur { $total }
}
tally-with-rest = { $main } ; { $rest }
tally-verified = { $count ->
    [one] { $count } vérifié
   *[other] { $count } vérifiés
}
tally-consistent = { $count ->
    [one] { $count } seulement cohérent avec une clé reconstituée
   *[other] { $count } seulement cohérents avec une clé reconstituée
}
tally-proves-nothing = { $count ->
    [one] { $count } ne prouve rien (une clé avec laquelle n’importe qui peut signer)
   *[other] { $count } ne prouvent rien (une clé avec laquelle n’importe qui peut signer)
}
tally-failed = { $count } en échec
tally-no-key = { $count } sans clé connue
tally-expired = { $count ->
    [one] { $count } expiré à la date que vous avez choisie
   *[other] { $count } expirés à la date que vous avez choisie
}
tally-invalid = { $count ->
    [one] { $count } impossible à évaluer
   *[other] { $count } impossibles à évaluer
}
tally-unsigned = { $count ->
    [one] { $count } non signé
   *[other] { $count } non signés
}
tally-error = { $count ->
    [one] { $count } illisible
   *[other] { $count } illisibles
}
judging-at = jugées à la date du { $date } (les signatures expirées comptent comme expirées)
judging-as-of-signing = jugées à la date de leur signature (chacune à son t=, sinon à la date du message)

## Rapport : signatures DomainKeys (RFC 4870, ancien mécanisme)

dk-proves-nothing-compromised = La signature DomainKeys correspond à la clé de { $domain }, mais la moitié privée de cette clé est publique : n’importe qui a pu la faire. Elle ne prouve rien sur l’expéditeur de ce message.
dk-verified = DomainKeys : { $domain } a signé ce message, et rien de ce qu’il a signé n’a changé depuis.
key-checked-with = Vérification faite avec { $key }.
dk-vouches-for = Elle garantit l’adresse d’envoi { $address }.
dk-legacy = DomainKeys est l’ancien mécanisme que DKIM a remplacé : il utilise toujours SHA-1, et sa signature couvre en-têtes et corps d’un seul tenant.
dk-legacy-nofws = DomainKeys est l’ancien mécanisme que DKIM a remplacé : il utilise toujours SHA-1, et sa signature couvre en-têtes et corps d’un seul tenant ; celle-ci a été faite en mode "nofws", qui ignore tous les espaces et retours à la ligne : des mots ont pu être collés ou coupés sans la casser.
dk-weaker = C’est une preuve plus faible qu’une signature DKIM.
dk-message-changed = La vérification de la signature DomainKeys au nom de { $domain } échoue avec la clé connue ici pour { $name } : le message a été modifié après la signature, ou la signature n’a pas été faite avec cette clé. DomainKeys n’a pas d’empreinte séparée pour le corps : impossible de dire si c’est le corps ou un en-tête qui a changé. Rien ici ne montre que { $domain } a signé ce message.
dk-does-not-count = Cette signature DomainKeys ne compte pas : DomainKeys ne permet à un domaine de signer que pour ses propres adresses d’envoi, or { $detail }.
dk-key-granularity = La clé publiée à { $name } ne peut servir que pour un seul expéditeur, et l’adresse d’envoi de ce message n’est pas celle-là ({ $detail }) : la signature ne compte donc pas.
dk-no-key-here = Aucune clé publique n’est connue ici pour { $name } : cette signature DomainKeys ne peut donc pas être contrôlée. Ajoutez l’enregistrement DNS de la clé, tel qu’il était publié à l’envoi du message, pour la contrôler.
dk-no-key-published = Aucune clé n’est publiée à { $name } : cette signature DomainKeys ne peut donc pas être vérifiée.
dk-weak-key-matched = La clé publiée à { $name } ne fait que { $bits } bits : n’importe qui peut la casser et signer au nom de { $domain }. La signature lui correspond, mais une signature faite avec une telle clé ne prouve rien.
dk-weak-key-unmatched = La clé publiée à { $name } ne fait que { $bits } bits : n’importe qui peut la casser et signer au nom de { $domain }. La signature ne lui correspond même pas, et une signature faite avec une telle clé ne prouve rien.
dk-bad-key = La clé de { $name } ne peut pas servir pour cette signature DomainKeys : { $detail }.
dk-malformed = La signature DomainKeys est mal formée ou non prise en charge, elle ne peut donc pas être contrôlée : { $detail }.
dk-headline-no-dkim = Pas de signature DKIM.
dk-headline-dkim-fails = Aucune signature DKIM ne se vérifie.
dk-headline-verified = Signé par { $domain } avec DomainKeys seulement, l’ancien mécanisme que DKIM a remplacé : les parties signées n’ont pas changé depuis, mais c’est une forme plus faible de vérification (SHA-1, une seule signature pour les en-têtes et le corps, et une méthode qui peut ignorer les espaces).
dk-headline-proves-nothing-compromised = La signature DomainKeys correspond à une clé de { $domain } dont la moitié privée est publique : elle ne prouve rien.
dk-headline-proves-nothing-weak = La signature DomainKeys correspond à une clé de { $bits } bits de { $domain }, que n’importe qui peut casser : elle ne prouve rien.
dk-headline-failed = Une signature DomainKeys se réclame de { $domain }, mais sa vérification échoue : le message a été modifié après la signature, ou la signature n’a pas été faite avec la clé de { $domain }.
dk-headline-no-key = Aucune clé publique n’est connue ici pour la signature DomainKeys ({ $name }) : ajoutez la clé publiée quand le message a été envoyé (son enregistrement DNS TXT) pour la vérifier.
dk-headline-not-checked = La signature DomainKeys n’a pas pu être contrôlée. { $explanation }
dk-headline-not-verified = La signature DomainKeys n’a pas pu être vérifiée. { $explanation }
caveat-sending-address = La signature dit avoir été faite au nom de { $address } (son adresse d’envoi).
note-domainkeys-skipped = Le message a { $count } signatures DomainKeys ; seules les { $max } premières ont été contrôlées.
dk-detail-domain-mismatch = d={ $d } n’est ni le domaine d’envoi { $sending } ni un domaine parent
dk-detail-granularity = la clé est réservée à l’expéditeur { $g }@ (g={ $g }), mais l’adresse d’envoi est { $local }@
dk-detail-weak-key = la clé RSA ne fait que { $bits } bits ; les clés de moins de 1024 bits se cassent à peu de frais
dk-detail-message-changed = la signature RSA-SHA1 ne se vérifie pas sur le message tel qu’il est maintenant
dk-detail-no-sending-field = aucun champ From ou Sender signé ne donne d’adresse d’envoi
dk-detail-no-address = le champ { $field } signé ne contient pas d’adresse

## Rapport : la chaîne ARC (RFC 8617) et ce qu’ont dit les serveurs de réception

arc-scope = ARC montre quels intermédiaires (listes de diffusion, transferts) ont traité le message et ce que leurs serveurs ont noté à son arrivée ; ce qu’ils ont noté n’engage qu’eux, ce n’est pas une vérification faite ici, et cela ne montre pas que l’expéditeur d’origine a signé le message.
arc-pass = La chaîne ARC est intacte : { $sealers } { $count ->
        [one] a scellé le message en le transmettant, et rien de ce qu’il a scellé
       *[other] ont scellé le message en le transmettant, et rien de ce qu’ils ont scellé
    } n’a changé depuis.
arc-sealer = { $domain }
arc-sealers-then = { $list }, puis { $item }
arc-sealers-none = les intermédiaires
arc-changed-on-the-way = Le message a été modifié en chemin : seules les signatures à partir de l’étape { $n } lui correspondent encore.
arc-neutral = La chaîne ARC ne peut pas être contrôlée ici : { $detail }. Ajoutez l’enregistrement DNS de cette clé pour la contrôler.
arc-temperror = La chaîne ARC n’a pas pu être contrôlée pour l’instant : { $detail }.
arc-cv-fail = Le dernier intermédiaire, { $hop }, a noté que la chaîne ARC était déjà rompue quand le message lui est parvenu (cv=fail) : on ne peut donc pas se fier à ce que dit la chaîne.
arc-ams-body = La chaîne ARC n’est pas valide : le corps a été modifié après que { $hop } a scellé le message.
arc-ams-header = La chaîne ARC n’est pas valide : la signature de message ajoutée par { $hop } ne se vérifie pas ({ $detail }).
arc-seal-fails = La chaîne ARC n’est pas valide : le sceau de { $hop } ne se vérifie pas ({ $detail }).
arc-key = La chaîne ARC n’est pas valide : une clé dont elle a besoin manque ou est inutilisable ({ $detail }).
arc-malformed = La chaîne ARC est mal formée ({ $detail }) : on ne peut donc pas se fier à ce qu’elle dit.
arc-hop-named = { $sealer } (étape { $n })
arc-hop = l’étape { $n }
arc-set-sealed = Étape { $n } : { $who } a scellé le message (le sceau se vérifie).
arc-set-seal-fails = Étape { $n } : { $who } dit avoir scellé le message, mais le sceau ne se vérifie pas.
arc-set-named = Étape { $n } : { $who } est désigné comme auteur du sceau (non contrôlé).
arc-an-unnamed-intermediary = un intermédiaire anonyme
arc-its-server = son serveur
arc-set-recorded = À la réception, { $server } { $said ->
        [none] n’a noté aucun résultat
       *[some] a noté : { $results }
    }.
arc-an-intermediary = un intermédiaire
arc-corroboration = Quand { $sealer } a reçu ce message{ $has_server ->
        [yes] {" "}(son serveur { $server })
       *[no] {""}
    }, il a noté { $kind ->
        [domainkeys] une signature DomainKeys valide
       *[dkim] une signature valide
    } de { $domain } ; { $changed ->
        [hop] { $sealer } a ensuite modifié le message avant de le transmettre
       *[after] le message a été modifié après que { $sealer } l’a transmis
    }, si bien que la signature ne se vérifie plus ici. Cela n’engage que { $sealer }, dont le témoignage est consigné dans une chaîne ARC valide : ce n’est pas une vérification faite ici.
arc-claim = Le serveur de réception { $server } { $said ->
        [none] n’a noté aucun résultat
       *[some] a dit : { $results }
    }. Quiconque a traité le message ensuite a pu ajouter ou modifier ce champ d’en-tête : c’est une affirmation, pas une vérification.
arc-claim-anonymous = Un serveur de réception { $said ->
        [none] n’a noté aucun résultat
       *[some] a dit : { $results }
    }. Quiconque a traité le message ensuite a pu ajouter ou modifier ce champ d’en-tête : c’est une affirmation, pas une vérification.
arc-claim-sealed = Le serveur de réception { $server } { $said ->
        [none] n’a noté aucun résultat
       *[some] a dit : { $results }
    }. Le même relevé est scellé dans la chaîne ARC par { $sealer }, dont le sceau se vérifie : { $sealer } garantit que son serveur a dit cela. Cela reste la parole de ce serveur, pas une vérification faite ici.
arc-claim-sealed-anonymous = Un serveur de réception { $said ->
        [none] n’a noté aucun résultat
       *[some] a dit : { $results }
    }. Le même relevé est scellé dans la chaîne ARC par { $sealer }, dont le sceau se vérifie : { $sealer } garantit que son serveur a dit cela. Cela reste la parole de ce serveur, pas une vérification faite ici.
arc-detail-newest-body-changed = l’empreinte du corps de la dernière ARC-Message-Signature ne correspond pas au corps
arc-detail-cv-fail = le dernier ARC-Seal (i={ $i }) indique cv=fail : son auteur a trouvé la chaîne rompue
arc-detail-bad-cv = l’ARC-Seal i={ $i } a cv={ $cv } ; il devrait avoir cv={ $want }
arc-detail-no-cv = l’ARC-Seal i={ $i } n’a pas de balise cv=
arc-detail-seal-mismatch = l’ARC-Seal de l’instance { $i } ne se vérifie pas
arc-detail-key-too-short = la clé fait { $bits } bits ; ARC en exige au moins 1024 (RFC 8301)
arc-detail-sha1 = la signature utilise rsa-sha1, que la RFC 8301 interdit
arc-detail-signs-seal = h= contient ARC-Seal, qu’une ARC-Message-Signature ne peut pas signer (RFC 8617 §4.1.2)
arc-detail-body-length = l= dépasse la longueur du corps ({ $length } octets après canonicalisation)
arc-detail-headers-changed = la signature ne se vérifie pas : un champ d’en-tête signé a changé, ou elle n’a pas été faite avec cette clé
arc-detail-seal-header-tag = le sceau a une balise h=, que la RFC 8617 interdit dans un sceau
arc-detail-seal-sha1 = le sceau utilise rsa-sha1, que la RFC 8301 interdit
arc-detail-unreadable-instance = un champ { $field } n’a pas de numéro d’instance i= lisible (de 1 à { $max })
arc-detail-set-missing-field = l’instance { $i } n’a pas de champ { $field }
arc-detail-set-extra-field = l’instance { $i } a plus d’un champ { $field }
cli-arc-sets = { $count ->
    [one] { $count } ensemble
   *[other] { $count } ensembles
}

## Rapport : ce que dit la copie des champs d’en-tête (z=) d’une signature en échec

list-more-semicolon = { $list } ; { $item }
z-changed = { $name } valait « { $was } » à la signature, et vaut maintenant « { $now } »
z-missing = { $name } valait « { $was } » à la signature, et a disparu depuis
z-matches = La copie des champs d’en-tête faite à la signature (z=) correspond à leur état actuel : le changement porte sur quelque chose qu’elle n’a pas copié, ou la signature n’a pas été faite avec cette clé.
z-changes = D’après la copie des champs d’en-tête que contient la signature (z=), { $changes }. Cette copie fait partie de la signature en échec : c’est un indice, pas une preuve.

## La ligne de commande

cli-help =
    dkimcheck : vérifie les signatures DKIM de courriels, hors ligne, avec des clés historiques intégrées

    UTILISATION :
        dkimcheck [OPTIONS] <CHEMIN>...
        dkimcheck keys list|export|check [--keys FICHIER]... [--no-bundled-keys]
        dkimcheck keys import <FICHIER>... [--txt SÉLECTEUR DOMAINE VALEUR]...
        dkimcheck keys recover [--keys FICHIER]... [--no-bundled-keys] <CHEMIN>...

    CHEMIN : un message (.eml ou tout fichier RFC 5322), un .mbox, un .zip (zips imbriqués aussi) ou un dossier
             (chacun de ses fichiers et de ses sous-dossiers ; ce qui n’est pas du courrier est écarté) ; '-' pour l’entrée standard

    OPTIONS :
        --keys <FICHIER>    ajoute des clés (répétable) : lignes de zone ou de dig comme
                            brisbane._domainkey.football.example.com. IN TXT "v=DKIM1; k=ed25519; p=..."
                            (plusieurs chaînes entre guillemets sur une ligne sont jointes ; ';' commence un
                            commentaire), le format JSON de l’archive intégrée, ou le JSON de l’archive zk-email
        --no-bundled-keys   n’utilise que les clés données avec --keys
        --at <DATE>         juge chaque signature à DATE (secondes Unix, AAAA-MM-JJ ou RFC 3339) ou 'now',
                            comme le ferait alors un serveur de réception : un x= antérieur à DATE est expiré.
                            Par défaut : chaque signature à la date de sa signature (son t=, sinon la Date
                            du message) ; un x= dépassé depuis est signalé mais n’est pas un échec
        --format <FORMAT>   human (par défaut), json (un objet JSON par message : JSON Lines ; ses codes
                            sont les mêmes dans toutes les langues, ses textes sont dans la langue de --lang),
                            csv (une ligne d’en-tête, puis une ligne par message) ou ar (un champ
                            Authentication-Results RFC 8601 par message)
        --json              équivaut à --format json
        --body              avec --format json : ajoute le corps de chaque message en texte brut
        --missing-keys      après le lot, liste chaque selector._domainkey.domaine dont aucune clé n’est
                            connue, avec le nombre de messages qui en ont besoin et la première et la
                            dernière de leurs dates (avec --format json : des lignes {"{"}"missing_key", "count",
                            "first", "last"{"}"} à la fin)
        --evidence <DIR>    écrit aussi dans DIR un rapport de preuve par message : un fichier HTML
                            autonome dans la langue de --lang (verdict, signatures et clés avec leurs
                            empreintes, la commande qui refait la vérification, le message original intégré)
        --lang <LANGUE>     la langue des textes : en ou fr (par défaut : selon LC_ALL, LC_MESSAGES
                            ou LANG, sinon en)
        -v, --verbose       montre les détails et avertissements de chaque signature
        --recover-keys      reconstitue d’abord des clés RSA à partir des messages eux-mêmes (pour les noms
                            de clé sans clé connue et avec au moins deux signatures), puis vérifie avec elles :
                            ces messages sont COHÉRENT (signés avec une même clé), pas vérifiés
        -j, --jobs <N>      vérifie sur N fils d’exécution (par défaut : tous les cœurs) ; --jobs 1 laisse
                            les autres libres
        --max-message-size <Mo>
                            vérifie les messages jusqu’à Mo mégaoctets (par défaut : 256) ; les plus gros sont ignorés
        -h, --help          cette aide
        -V, --version       la version

    SOUS-COMMANDES KEYS :
        keys list           une ligne par clé : nom, type, bits, dates, marques, origine
        keys export         les clés en JSON d’archive (intégrées et --keys)
        keys check          valide l’archive intégrée (et les fichiers --keys) : code 1 en cas de problème
        keys import FICHIER... lit des lignes dig/zone, du JSON d’archive ou du JSON zk-email ; écrit du JSON d’archive
          --txt SÉLECTEUR DOMAINE VALEUR   aussi une valeur TXT seule publiée à SÉLECTEUR._domainkey.DOMAINE
        keys recover CHEMIN...
                            reconstitue des clés RSA à partir des signatures des messages (au moins deux par
                            nom de clé sans clé connue) ; les écrit en JSON d’archive, marquées reconstituées

    ÉTIQUETTES (une par message, selon son évaluation ; en anglais, entre crochets) :
        VÉRIFIÉ               [PASS] vérifié : une signature vérifiée avec une clé ni compromise ni faible
        COHÉRENT              [CONSISTENT] ne se vérifie qu’avec une clé reconstituée à partir de ces
                              messages (--recover-keys) : pas vérifié
        NE-PROUVE-RIEN        [NOPROOF] la vérification ne réussit qu’avec une clé avec laquelle n’importe
                              qui peut signer (moitié privée publique, ou RSA de moins de 1024 bits, RFC 8301)
        ÉCHEC                 [FAIL] une signature ne se vérifie pas
        PAS-DE-CLÉ            [NOKEY] aucune clé connue ici (ajoutez --keys)
        EXPIRÉ                [EXPIRED] expirée à la date de --at
        IMPOSSIBLE-À-ÉVALUER  [INVALID] la signature ne peut pas être évaluée
        NON-SIGNÉ             [NONE] pas de signature
        ILLISIBLE             [ERROR] illisible comme courriel
        Les étiquettes et les textes suivent la langue. Un script doit lire --format json ou csv, dont
        les codes (verified, proves_nothing…) sont les mêmes dans toutes les langues, ou le code de sortie.

    CODE DE SORTIE :
        0 seulement si chaque message est vérifié (VÉRIFIÉ) ; 1 sinon (NE-PROUVE-RIEN compte comme non vérifié) ;
        2 erreur d’utilisation ou entrée illisible (un chemin, ou un fichier ou un élément de zip qu’il contient)
cli-try-help = Essayez « dkimcheck --help ».
cli-about = { $what } : { $why }
cli-note = remarque : { $note }
cli-note-body-without-json = remarque : --body ne change que la sortie --format json
# Dit une fois après la sortie pour les personnes quand un message est vérifié ou cohérent.
cli-dkim-limits = Même quand elle se vérifie, une signature DKIM montre seulement qu’un serveur de messagerie détenant la clé du domaine signataire a signé les parties qu’elle couvre : elle ne montre ni qui a écrit le message, ni que ce qu’il dit est vrai, et ne dit rien des parties qu’elle ne couvre pas.
# Said once after the human output when a message failed (the page says it under the verdict).
cli-failed-not-forgery = Un échec n’est pas la preuve d’un faux : les listes de diffusion, les transferts et les logiciels de messagerie modifient souvent les messages sans malice. Cela veut seulement dire que DKIM ne peut rien garantir pour les copies en échec.
cli-error-lang = --lang : « { $value } » n’est pas une langue de dkimcheck (en, fr)
cli-error-needs-value = { $option } attend une valeur
cli-error-unknown-option = option inconnue { $option }
cli-error-format = --format : « { $value } » n’est pas l’un de human, json, csv, ar
cli-error-at = --at : « { $value } » n’est ni 'now', ni un nombre de secondes Unix, ni une date RFC 3339
cli-error-jobs = --jobs : « { $value } » n’est pas un nombre de fils d’exécution (1 ou plus)
cli-error-max-message-size = --max-message-size : « { $value } » n’est pas une taille en mégaoctets (1 ou plus)
cli-error-no-path = aucun CHEMIN indiqué
cli-error-no-messages = aucun message trouvé : chaque fichier a été écarté (ce n’est pas du courrier), ou il n’y en avait aucun
cli-error-internal = erreur interne pendant la vérification
cli-io-not-found = fichier ou dossier introuvable
cli-io-permission-denied = permission refusée
cli-io-is-a-directory = c’est un dossier
cli-io-shortened = le fichier a raccourci pendant sa lecture
cli-io-not-text = ce n’est pas un fichier texte
cli-zip-unreadable = fichier zip illisible : { $error }
cli-zip-member-unreadable = élément de zip illisible : { $error }
cli-zip-decompress = décompression impossible : { $error }
cli-too-large = { $why } ; --max-message-size permet de l’augmenter
cli-not-read = non lu : { $why }
cli-zip-no-end = fichier zip illisible (pas d’enregistrement de fin d’archive)
cli-zip-directory-too-large = fichier zip illisible (son répertoire est plus grand que le fichier)
cli-zip-bomb = non lu (une bombe zip ?) : { $why }
cli-zip-overlap = non lu (une bombe zip ?) : son élément { $member } chevauche un autre (les mêmes données listées deux fois)
cli-zip-nested-too-large = un zip compressé dans un zip, de { $size } octets : au-delà des { $max } qui peuvent être gardés en mémoire (limite message_size) ; décompressez-le d’abord
cli-keys-expected = attendu : list, export, check, import ou recover
cli-keys-unknown-subcommand = sous-commande inconnue { $name } (attendu : list, export, check, import ou recover)
cli-keys-import-usage = indiquez des fichiers (lignes dig ou de zone, JSON d’archive ou JSON zk-email) ou --txt SÉLECTEUR DOMAINE 'v=DKIM1; p=...'
cli-recover-usage = donnez les messages : fichiers, .mbox, .zip ou dossiers
cli-error-recover-stdin = --recover-keys lit les messages deux fois : il ne peut pas les lire sur l’entrée standard ('-')
recovered-description = Clés reconstituées à partir de messages signés par dkimcheck keys recover ({ $count ->
    [one] { $count } clé
   *[other] { $count } clés
})
recovered-source = dkimcheck keys recover : reconstituée à partir des signatures DKIM de { $count } messages (voir recovered_from)
recovered-derived = Reconstituée à partir des signatures DKIM de { $count } messages comme pgcd(s1^e - EM1, s2^e - EM2) avec e={ $exponent }, jamais lue dans le DNS ; seule la clé est connue, l’enregistrement est donc construit comme "v=DKIM1; k=rsa; p=...".
recovered-notes = RECONSTITUÉE PAR PGCD (pas lue dans le DNS) : calculée à partir des signatures de { $count } messages, qu’elle vérifie tous. Elle montre que ces messages ont été signés avec une seule et même clé. Elle ne montre pas que cette clé était la clé publiée du domaine : qui a fabriqué les messages a pu tous les signer avec sa propre clé. Comparez-la à une copie publiée de l’enregistrement avant de vous y fier.
recover-too-few = { $name } : { $count ->
    [one] 1 signature
   *[other] { $count } signatures
} sans clé : il faut au moins deux signatures faites avec une même clé
recover-no-common-key = { $name } : { $count ->
    [one] 1 signature
   *[other] { $count } signatures
} sans clé : aucune paire n’a donné une même clé (elles ont été faites avec des clés différentes, ou les messages ont été modifiés après la signature)
recover-too-large = { $name } : { $count ->
    [one] 1 signature
   *[other] { $count } signatures
} de clés de plus de 4096 bits : non reconstituées
recover-too-short = { $name } : { $count ->
    [one] 1 signature
   *[other] { $count } signatures
} trop courtes pour être des signatures RSA PKCS#1 v1.5
recover-line = { $name } : clé RSA de { $bits } bits reconstituée (e={ $exponent }) ; elle vérifie { $verified } signatures sur { $signatures }
recover-over-cap = { $name } : { $count } signatures de plus n’ont pas été utilisées (au plus { $max } sont gardées par nom de clé)
cli-keys-txt-usage = --txt attend SÉLECTEUR DOMAINE VALEUR
cli-keys-check-total = { $keys ->
    [one] { $keys } clé
   *[other] { $keys } clés
}, { $problems ->
    [one] { $problems } problème
   *[other] { $problems } problèmes
}
error-could-not-read = Lecture impossible : { $error }

## La page : ses parties (index.html)

page-title = dkimcheck — ce courriel a-t-il vraiment été signé par son expéditeur ?
page-skip-link = Aller au vérificateur
page-lang-switch =
    .aria-label = Langue
page-tagline = Vérifiez si un courriel a vraiment été signé par le domaine de son expéditeur, et si quelque chose y a changé depuis.
page-privacy = Rien ne quitte cet appareil : la vérification se fait dans cette page, qui n’établit aucune connexion réseau.
page-input-heading = Vérifier un message
page-drop-hint = Déposez n’importe où sur cette page un fichier de courriel (<code>.eml</code>), un <code>.mbox</code> ou un <code>.zip</code> qui en contient.
page-choose-files = Choisir des fichiers…
page-paste-summary = …ou collez le texte brut du message
page-paste-label = Le message brut en entier, en-têtes compris (Gmail : ⋮ › Afficher l’original ; Outlook : Fichier › Propriétés ; Apple Mail : Présentation › Message › Source brute)
page-paste-check = Vérifier le message collé
page-judging-legend = Juger chaque signature
page-judging-as-of-signing = à la date de sa signature
page-judging-now = maintenant, comme le ferait aujourd’hui un serveur de réception
page-judging-hint = La date d’expiration d’une signature (<code>x=</code>) indique aux serveurs de réception combien de temps l’accepter ; elle ne rend pas fausse une signature authentique. Un vieux courriel est jugé à la date de sa signature, sauf si vous choisissez autrement.
page-progress =
    .aria-label = Progression
page-cancel = Annuler
page-single-view =
    .aria-label = Résultat
page-batch-view =
    .aria-label = Résultats
page-keys-heading = Clés
page-keys-hint = l’archive intégrée, et l’ajout d’une clé
page-limits-heading = Limites
page-limits-hint = le plus gros message que cette page vérifie
page-limits-why = Pour qu’un fichier malveillant ne puisse pas épuiser la mémoire de cette page, elle ignore les messages plus gros que cette taille, les zips qui se décompresseraient en plus de 100 fois leur taille plus 64 Mo, les zips de plus d’un million d’éléments et les zips imbriqués sur plus de 8 niveaux, chaque fois avec un message d’erreur qui le dit.
page-limits-largest = Plus gros message vérifié
page-limits-unit = Mo
page-limits-default = Revenir à 256 Mo
page-limits-browser = Un onglet de navigateur peut contenir au plus quelques gigaoctets : au-delà d’environ 1 000 Mo, un message peut interrompre la vérification. L’outil en ligne de commande <code>dkimcheck</code> a les mêmes limites ; son option <code>--max-message-size</code> relève celle-ci.
page-footer-offline = fonctionne hors ligne
page-footer-download = téléchargez tout le vérificateur en un seul fichier HTML
page-footer-download-why = pour vous en servir sans réseau
page-drop-overlay = Déposez pour vérifier
page-version = version { $version }
page-keys-pruned = Clés mémorisées retirées, car inutilisables par cette version : { $names }.
page-engine-failed = Le vérificateur n’a pas pu démarrer dans ce navigateur : { $error }

## La page : ce que DKIM prouve

about-heading = Ce que DKIM prouve, et ce qu’il ne prouve pas
about-proves = Une signature DKIM valide prouve qu’un serveur de messagerie détenant la clé privée du domaine signataire a signé les parties qu’elle couvre (les champs d’en-tête listés et, en général, le corps du message), et que ces parties n’ont pas changé depuis.
about-not-author = Elle ne prouve <strong>pas</strong> qui a écrit le message : toute personne ayant un compte sur ce domaine (ou un accès à son serveur) peut envoyer du courrier signé.
about-not-true = Elle ne prouve <strong>pas</strong> que le contenu est vrai.
about-unsigned-parts = Elle ne dit <strong>rien</strong> des parties non signées : les champs d’en-tête marqués « non signé », ou le texte qui suit une limite de longueur (<code>l=</code>).
about-public-keys = Une signature faite avec une clé dont la moitié privée a été publiée par la suite (marquée « compromise »), ou avec une clé RSA de moins de 1024 bits (que n’importe qui peut casser), ne prouve rien : n’importe qui a pu la faire.
about-other-domain = Une signature d’un autre domaine que celui de l’adresse de l’expéditeur (par exemple gmail.com signant le courrier d’une autre adresse) montre qui l’a fait suivre, pas que le domaine de l’expéditeur l’a signé.
about-failed = Une signature en échec ne prouve pas un faux : les listes de diffusion et les transferts modifient souvent les messages sans malice.
about-domainkeys = <strong>DomainKeys</strong>, l’ancien mécanisme que DKIM a remplacé (courrier d’environ 2004 à 2012), prouve la même chose, mais plus faiblement : il utilise toujours SHA-1, une seule signature couvre à la fois les en-têtes et le corps, et sa méthode « nofws » ignore tous les espaces. Un message vérifié seulement par DomainKeys le dit.
about-arc = Une chaîne <strong>ARC</strong> (le registre de transfert qu’ajoutent les listes de diffusion et les services de transfert) montre qui a traité le message et ce que leurs serveurs ont noté à son arrivée. Cela n’engage qu’eux : ce n’est pas une vérification faite ici, et cela ne compte jamais comme vérifié. Quand une signature échoue ici mais qu’une chaîne intacte montre qu’un intermédiaire l’a vue valide, le résultat le dit clairement.

## La page : progression et état

progress-single = Vérification du message…
progress-batch = { $done } messages examinés sur { $total } · { $rate } messages/s
status-reading = Lecture…
status-reading-file = Lecture de { $name }…
status-splitting-file = Découpage de { $name }…
status-cancelled = Annulé.
status-batch-done = { $count ->
    [one] { $count } message examiné
   *[other] { $count } messages examinés
} en { $seconds } s.
status-recheck-done = { $count ->
    [one] { $count } message réexaminé
   *[other] { $count } messages réexaminés
} en { $seconds } s.
status-check-failed = La vérification a échoué : { $error }
status-read-failed = Impossible de lire le fichier : { $error }
status-no-messages = Aucun message n’a été trouvé dans ce que vous avez choisi.
status-paste-first = Collez d’abord un message.
worker-start-failed = Le processus de vérification n’a pas pu démarrer.
worker-crashed = Un processus de vérification s’est arrêté brutalement.
worker-stopped = Le vérificateur s’est arrêté pendant la vérification de ce message, qui a donc été ignoré ; les autres messages ont été vérifiés.
worker-trapped = Le vérificateur a échoué sur ce message ({ $error }), qui a donc été ignoré.
input-mbox-empty = Aucun message n’a été trouvé dans ce fichier mbox.
input-zip-no-end = Ce n’est pas un fichier zip lisible (aucun enregistrement de fin d’archive).
input-zip64-broken = Enregistrement de fin d’archive ZIP64 endommagé.
input-zip-directory-broken = Répertoire central du zip endommagé.
input-zip-encrypted = Cet élément du zip est chiffré ; dkimcheck ne peut pas l’ouvrir.
input-zip-member-broken = En-tête d’élément de zip endommagé.
input-zip-method = Cet élément du zip utilise la méthode de compression { $method }, que dkimcheck ne sait pas lire.
input-zip-directory-outside = Ce n’est pas un fichier zip lisible (son répertoire se trouve hors du fichier).
input-zip-member-past-end = Élément de zip endommagé (ses données dépassent la fin du fichier).
input-zip-member-corrupt = Élément de zip endommagé (ses données compressées ne peuvent pas être décompressées).
input-zip-member-size-mismatch = Élément de zip endommagé (sa taille compressée ne correspond pas à sa taille).
input-zip-member-inflates-more = Cet élément de zip se décompresse en plus des { $size } octets qu’indique son en-tête ; il a été ignoré.
input-zip-member-larger = Cet élément de zip est plus grand que les { $size } octets qu’indique son en-tête ; il a été ignoré.
input-zip-member-damaged = Élément de zip endommagé (son contenu ne correspond pas à la somme de contrôle CRC-32 que l’archive indique pour lui) : cette copie de l’archive est abîmée, il n’a donc pas été vérifié. Ce dommage ne dit rien du message d’origine ; vérifiez-le dans une copie intacte de l’archive.
input-not-read = Non lu : { $why }.
input-zip-bomb = Non lu (une bombe zip ?) : { $why }.
input-zip-overlap = Non lu (une bombe zip ?) : son élément { $member } chevauche un autre (les mêmes données listées deux fois).
input-zip-nested-too-large = Non lu : un zip compressé dans un zip, de { $size } octets : au-delà des { $max } qui peuvent être gardés en mémoire (limite message_size) ; décompressez-le d’abord.
input-too-large = { $why }. Pour le vérifier, augmentez « Plus gros message vérifié » sous Limites, en bas de la page (ou utilisez l’outil en ligne de commande dkimcheck).
error-message-unreadable = Ce message n’a pas pu être lu : { $error }
error-file-unreadable = Ce fichier n’a pas pu être lu : { $error }
source-pasted = message collé
source-embedded = message intégré à la page
size-bytes = { $n ->
    [one] { $n } octet
   *[other] { $n } octets
}
size-kb = { $n } Ko
size-mb = { $n } Mo

## Un message : le bandeau

banner-assessment = Évaluation : { $words }
banner-dkim-result = Résultat DKIM : { $result }
banner-domainkeys-result = Résultat DomainKeys : { $results }
banner-aligned = L’adresse de l’expéditeur est sur { $domain }, le domaine signataire.
banner-caveats-label = Ce que ce résultat ne couvre pas
judged-at = Jugé au { $time }, comme l’aurait fait alors un serveur de réception : une expiration (x=) antérieure compte.
judged-as-of-signing = Jugé à la date de signature : chaque signature au moment où elle a été faite.
assessment-verified = Vérifié
assessment-consistent = Cohérent avec une clé reconstituée
assessment-proves-nothing = Ne prouve rien
assessment-failed = Échec
assessment-no-key = Pas de clé
assessment-invalid = Impossible à évaluer
assessment-unsigned = Non signé
assessment-error = Illisible
assessment-expired = Expiré à la date choisie
assessment-verified-domainkeys = Vérifié (DomainKeys seulement)
arc-words-none = Pas de chaîne ARC
arc-words-intact = Chaîne ARC intacte ({ $count ->
    [one] { $count } intermédiaire
   *[other] { $count } intermédiaires
})
arc-words-broken = Chaîne ARC rompue ({ $count ->
    [one] { $count } intermédiaire
   *[other] { $count } intermédiaires
})
arc-words-unchecked = Chaîne ARC non vérifiée : pas de clé ({ $count ->
    [one] { $count } intermédiaire
   *[other] { $count } intermédiaires
})
caveat-word-misaligned = pas le domaine de l’expéditeur
caveat-word-testing-key = clé en test (t=y)
caveat-word-user-key = une clé que vous avez ajoutée
caveat-word-key-date-window = daté hors de la période connue de la clé
caveat-word-partial-body = une partie du corps non signée
caveat-words-separator = {" ; "}

## Un message : clés inconnues

missing-key-paste = Collez l’enregistrement DNS de { $name } pour vérifier la signature avec.
missing-key-unknown = Aucune clé publique n’est connue ici pour { $name } : ajoutez la clé publiée quand le message a été envoyé (son enregistrement DNS TXT) pour vérifier la signature.
missing-keys-others = { $count ->
    [one] Une autre signature
   *[other] { $count } autres signatures
} n’ont pas pu être contrôlées : pas de clé pour { $names }.
key-error-paste-first = Collez d’abord un enregistrement DNS.
key-error-none-found = Aucun enregistrement de clé DKIM n’a été trouvé dans le texte collé.
key-error-selector-domain = Pour une valeur TXT seule, remplissez aussi le sélecteur et le domaine.
key-form-selector = Sélecteur
key-form-domain = Domaine
key-form-record = Enregistrement DNS
key-form-example-selector = selecteur
key-form-help-before = Collez la valeur TXT (qui commence par v=DKIM1 ou k=… p=…), ou des lignes entières de sortie de dig ou de fichier de zone, obtenues par exemple avec :
key-form-help-after = . Le sélecteur et le domaine ne servent que pour une valeur TXT seule.
key-form-remember = Mémoriser cette clé sur cet appareil (dans le stockage local de ce navigateur)
key-form-submit = Ajouter la clé
key-form-submit-check = Ajouter la clé et vérifier à nouveau

## Un message : les signatures

signatures-heading = { $count ->
    [one] Signature
   *[other] { $count } signatures
}
signatures-skipped = { $count ->
    [one] { $count } signature de plus n’a pas été contrôlée.
   *[other] { $count } signatures de plus n’ont pas été contrôlées.
}
signature-title = { $total ->
    [one] Signature { $n } : { $domain }
   *[other] Signature { $n } sur { $total } : { $domain }
}
signature-no-domain = (pas de domaine)
warnings-label = Avertissements
warning-prefix = Avertissement :{" "}
sig-selector = Sélecteur
sig-algorithm = Algorithme
sig-canonicalization = Canonicalisation
sig-body-matches = Le corps correspond à l’empreinte de la signature
sig-signature-verifies = La signature se vérifie avec cette clé
sig-identity = Identité (i=)
sig-signed-at = Signée le (t=)
sig-expires = Expire le (x=)
sig-judged-at = Jugée au
sig-valid-at-message-date = Valide à la date du message
sig-dkim-result = Résultat DKIM
sig-technical-detail = Détail technique
sig-headers-signed = En-têtes signés
sig-headers-not-signed = En-têtes non signés
answer-yes = oui
answer-no = non
body-row-yes-partial = oui, pour les { $signed } premiers (l=) ; les { $unsigned } derniers ne sont pas couverts
body-row-signature-failed = (la signature elle-même ne se vérifie pas : cette empreinte n’est donc pas une preuve)
body-row-signature-unchecked = (la signature elle-même n’a pas pu être contrôlée : cette empreinte n’est donc pas une preuve)
body-row-no = non : le corps diffère de celui que décrit l’empreinte
signature-row-yes-compromised = oui, mais la moitié privée de la clé est publique : n’importe qui a pu la faire
signature-row-yes-weak = oui, mais la clé ne fait que { $bits } bits : n’importe qui peut la casser
signature-row-no = non : les en-têtes signés ont changé, ou la signature n’a jamais été faite avec cette clé
dk-row-no = non : quelque chose de signé a changé (le corps ou un en-tête : DomainKeys ne permet pas de savoir lequel), ou elle n’a jamais été faite avec cette clé
domainkeys-heading = { $count ->
    [one] Signature DomainKeys (l’ancien mécanisme)
   *[other] { $count } signatures DomainKeys (l’ancien mécanisme)
}
domainkey-title = { $total ->
    [one] Signature DomainKeys : { $domain }
   *[other] Signature DomainKeys { $n } sur { $total } : { $domain }
}
domainkey-line = DomainKeys : { $domain } ({ $selector })
dk-sending-address = Adresse d’envoi dont elle se porte garante
dk-result = Résultat DomainKeys
arc-heading = Registre de transfert (ARC)
arc-corroborations-label = Ce que la chaîne dit des signatures qui échouent ici
arc-hops-label = Intermédiaires, du premier au dernier
arc-technical-detail = Détail technique : { $detail }
claims-heading = Ce qu’ont dit les serveurs de réception
judged-at-from = { $time }, { $from }
judged-from-signature = au moment de la signature (t=)
judged-from-message-date = la date du message (pas de t=)
judged-from-now = maintenant (ni t= ni Date utilisable)
judged-from-given = la date que vous avez choisie
expires-row-expired = { $when } : expirée à la date où elle est jugée
expires-row-passed = { $when } : dépassée depuis la signature (une information, pas un échec)
signature-line-no-key = pas de clé
signature-line-key = clé { $name } : { $facts }
signature-line-from = provenant de { $origin }
signature-line-seen = vue { $seen }
key-used = Clé utilisée
key-record = Enregistrement
key-type = Type
key-type-bits = { $type }, { $bits } bits
key-came-from = Provenance
key-source = Source
key-seen = Vue en service
key-date-fits = Date cohérente
key-date-fits-yes = oui : la date du message est dans la période où cette clé a été vue en service
key-date-fits-no = non : la date du message est en dehors de la période où cette clé a été vue en service
key-flags = Marques
key-flag-compromised = compromise
key-flag-weak = faible
key-flag-recovered = reconstituée
key-testing = Mode test
key-testing-yes = oui : le domaine a déclaré cette clé « en test » (t=y)
key-notes = Note de l’archive des clés (non traduite)

## Un message : le message et ses champs d’en-tête

message-heading = Le message
field-from = De (From)
field-sender = Expéditeur délégué (Sender)
field-reply-to = Répondre à (Reply-To)
field-to = À (To)
field-cc = Cc
field-date = Date
field-subject = Objet (Subject)
field-attachments = Pièces jointes
field-file = Fichier
attachment-no-name = (sans nom)
mark-verified = vérifié
mark-verified-all = vérifié (les { $count } champs { $name })
mark-some-verified = { $count } champs { $name } ; { $verified ->
    [one] un seul est vérifié
   *[other] seuls { $verified } sont vérifiés
} — { $others ->
    [one] l’autre a pu être ajouté
   *[other] les autres ont pu être ajoutés
} par n’importe qui
mark-proves-nothing = signé seulement avec une clé que n’importe qui peut utiliser : non vérifié
mark-no-key = signé, mais la signature n’a pas pu être contrôlée
mark-body-changed = signé, mais le corps a changé après la signature : non vérifié
mark-expired = signé, mais la signature avait expiré à la date que vous avez choisie
mark-not-verified = nommé par une signature qui ne se vérifie pas
mark-unsigned = non signé — a pu être modifié
mark-unsigned-many = non signé ({ $count } champs { $name }) — a pu être modifié
notes-label = Remarques
body-summary = Corps en texte brut (le HTML est montré comme du texte : rien ne s’y exécute ni ne se charge)
body-text-label = Le corps du message
body-cut = La suite du corps ({ $count } caractères) n’est pas affichée.
body-signed-end = La signature s’arrête ici (l=) : ce qui suit ({ $size }) n’est pas signé
body-unsigned-apart = Non couvert par la signature (l=) : les { $size } de la fin du corps, tels que la signature les a vus :
headers-heading = Champs d’en-tête
headers-hint = { $counts }. Seuls les champs marqués « vérifié » sont garantis ; tous les autres ont pu être ajoutés ou modifiés après l’envoi du message.
headers-count-verified = { $count ->
    [one] { $count } couvert par une signature vérifiée
   *[other] { $count } couverts par une signature vérifiée
}
headers-count-covered = { $count ->
    [one] { $count } nommé par une signature qui ne se vérifie pas ou ne prouve rien
   *[other] { $count } nommés par une signature qui ne se vérifie pas ou ne prouve rien
}
headers-count-unsigned = { $count ->
    [one] { $count } non signé
   *[other] { $count } non signés
}
headers-col-signed = Signé ?
headers-col-field = Champ
headers-col-value = Valeur
headers-the-signature = la signature
field-verified = vérifié
field-covered-unverified = signé, non vérifié
field-unsigned = non signé
header-value-cut = [… { $count } caractères de plus non affichés]

## Plusieurs messages : le lot

batch-results = Résultats
batch-files = { $count } fichiers
batch-back = Retour aux { $count } messages
batch-back-growing = Retour à tous les messages
batch-summary-done = { $tally }.
batch-summary-running = { $tally } ({ $done } examinés pour l’instant).
batch-summary-cancelled = { $tally } — annulé après { $done } messages examinés.
batch-counts-label = Messages par évaluation
batch-export-jsonl = Exporter en JSON Lines
batch-export-csv = Exporter en CSV
batch-domains-summary = Messages par domaine signataire
batch-domains-hint = Chaque message compte une fois, sous la signature qui a décidé de son résultat : un message signé par plusieurs domaines peut aussi avoir besoin des clés des autres (voir les clés manquantes).
batch-domains-col-domain = Domaine signataire
batch-domains-col-messages = Messages
batch-domains-col-verified = Vérifiés
batch-no-signature = (pas de signature)
batch-filter = Filtrer
batch-filter-placeholder = domaine, objet, nom de fichier…
batch-filter-result = Résultat
batch-filter-all = tous les résultats
batch-filter-verified-domainkeys = Vérifié par DomainKeys seulement
batch-filter-arc = Registre de transfert (ARC)
batch-arc-any = avec ou sans
batch-arc-intact = chaîne ARC intacte
batch-arc-broken = chaîne ARC rompue
batch-arc-unchecked = chaîne ARC non vérifiée (pas de clé)
batch-arc-none = pas de chaîne ARC
batch-extra-domainkeys-only = Parmi les messages vérifiés, { $count ->
    [one] { $count } l’est seulement par DomainKeys, l’ancien mécanisme, plus faible.
   *[other] { $count } le sont seulement par DomainKeys, l’ancien mécanisme, plus faible.
}
batch-extra-arc = { $count ->
    [one] { $count } message porte
   *[other] { $count } messages portent
} un registre de transfert (ARC) : { $intact } intact, { $broken } rompu{ $unchecked ->
    [0] {""}
   *[other] , { $unchecked } non vérifié (pas de clé)
}. Une chaîne ARC ne compte jamais comme vérifiée.
batch-extra-corroborated = Pour { $count ->
    [one] { $count } message qui n’a pas été vérifié
   *[other] { $count } messages qui n’ont pas été vérifiés
}, une chaîne ARC intacte indique qu’un intermédiaire a vu une signature valide avant que le message ne soit modifié (c’est sa parole, pas une vérification).
batch-sort-by = Trier par :
batch-col-result = Résultat
batch-col-message = Message
batch-col-signed-by = Signé par
batch-col-from-domain = Domaine de l’expéditeur
batch-col-subject = Objet
batch-col-date = Date
# Un moment dans le tableau des messages, dans le même ordre en toute langue, en UTC : 2015-06-11 02:05 UTC.
date-time-utc = { $date } { $time } UTC
batch-cell-label = { $label } :
batch-no-source = (message)
batch-shown-first = Affichage des { $max } premiers messages sur { $count } ; filtrez pour affiner.
batch-shown = { $count ->
    [one] { $count } message affiché. Choisissez un message pour voir ses détails.
   *[other] { $count } messages affichés. Choisissez un message pour voir ses détails.
}

## Le panneau des clés

keys-intro = Une signature ne peut être vérifiée qu’avec la clé publique que son domaine a publiée. Cette page contient une archive de ces clés, y compris d’anciennes clés qui ne sont plus dans le DNS. Si une clé manque, ajoutez-la ici.
keys-yours-heading = Vos clés
keys-yours-none = Aucune pour l’instant. Les clés que vous ajoutez ne servent que pour cette session, sauf si vous cochez « mémoriser ».
keys-yours-remember = mémoriser sur cet appareil
keys-yours-remove = Retirer
keys-yours-remove-label = Retirer { $name }
keys-add-heading = Ajouter une clé
keys-archive-heading = Archive intégrée
keys-archive-search = Chercher dans l’archive
keys-archive-search-placeholder = domaine ou sélecteur, p. ex. gmail.com
keys-archive-shown-first = Affichage de { $max } clés sur { $count } ; cherchez pour affiner.
keys-archive-shown = { $count } clés intégrées affichées sur { $total }.
keys-archive-about-summary = source et notes
keys-archive-source = Source :{" "}
keys-archive-same-key = Même clé aussi à :{" "}
keys-col-record = Enregistrement
keys-col-key = Clé
keys-col-seen = Vue en service
keys-col-flags = Marques
keys-col-about = À propos

## Le cadre <dkim-check>

widget-drop-hint = Déposez ici un fichier de courriel (.eml), ou
widget-choose = choisissez-en un
widget-paste-summary = ou collez le message brut
widget-paste-label = Message brut avec tous ses en-têtes
widget-check = Vérifier
widget-privacy = Vérifié dans votre navigateur avec les clés DKIM intégrées à ce cadre ; rien n’est envoyé.
widget-details = Tous les détails : signatures, message, champs d’en-tête
widget-key-added = Clé ajoutée.
widget-load-failed = le message n’a pas pu être chargé ({ $error })

## Report: named repairs of a failed signature (what was undone, what that does and does not show)

repair-closing = Ce n’est pas une vérification du message tel qu’il est : cela montre seulement qu’il ne diffère de ce que { $domain } a signé que par cette modification, que les systèmes de messagerie font couramment, mais pas qui l’a faite.
repair-list-footer = { $appended ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois retirée la dernière ligne du corps, ajoutée après la signature (comme les listes de diffusion ajoutent un pied de message) : le corps jusqu’à la ligne { $signed } est exactement ce que { $domain } a signé, et la ligne qui suit n’est pas couverte.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois retirées les { $appended } dernières lignes du corps, ajoutées après la signature (comme les listes de diffusion ajoutent un pied de message) : le corps jusqu’à la ligne { $signed } est exactement ce que { $domain } a signé, et les lignes qui suivent ne sont pas couvertes.
}
repair-list-subject-tag = Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois « { $tag } » retiré de l’objet (Subject) (les listes de diffusion ajoutent une telle étiquette) : à part cela, les champs d’en-tête signés sont exactement ce que { $domain } a signé.
repair-header-whitespace = { $count ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois les espaces du champ { $fields } remis comme ils le sont d’habitude (certaines listes de diffusion réindentent les lignes repliées ou ajoutent des espaces après le nom des champs) : les caractères des champs d’en-tête signés sont exactement ce que { $domain } a signé.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois les espaces des champs { $fields } remis comme ils le sont d’habitude (certaines listes de diffusion réindentent les lignes repliées ou ajoutent des espaces après le nom des champs) : les caractères des champs d’en-tête signés sont exactement ce que { $domain } a signé.
}
repair-header-name-case = { $count ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois rétablies les majuscules du nom de champ ({ $changes }) : les champs d’en-tête signés sont par ailleurs exactement ce que { $domain } a signé.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois rétablies les majuscules des noms de champs ({ $changes }) : les champs d’en-tête signés sont par ailleurs exactement ce que { $domain } a signé.
}
repair-name-change = { $received } → { $signed }
repair-separator-space = { $lines ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois remise l’espace finale du séparateur de signature « -- » sur 1 ligne (certains logiciels de messagerie la suppriment) : le corps est par ailleurs exactement ce que { $domain } a signé.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois remise l’espace finale du séparateur de signature « -- » sur { $lines } lignes (certains logiciels de messagerie la suppriment) : le corps est par ailleurs exactement ce que { $domain } a signé.
}
repair-trailing-whitespace = { $lines ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois retirés les espaces ou tabulations ajoutés en fin de 1 ligne : le corps est par ailleurs exactement ce que { $domain } a signé.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois retirés les espaces ou tabulations ajoutés en fin de { $lines } lignes : le corps est par ailleurs exactement ce que { $domain } a signé.
}
repair-mbox-quoting = { $lines ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois annulé le marquage mbox de 1 ligne (les lignes qui commençaient par « From » ont été enregistrées en « >From » quand le message a été mis dans un fichier mbox) : le corps est par ailleurs exactement ce que { $domain } a signé.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois annulé le marquage mbox de { $lines } lignes (les lignes qui commençaient par « From » ont été enregistrées en « >From » quand le message a été mis dans un fichier mbox) : le corps est par ailleurs exactement ce que { $domain } a signé.
}

## The evidence report (one HTML file per message: CLI --evidence, the page's "Save evidence report")

ev-title = Rapport de preuve DKIM
ev-verdict = Verdict
ev-what = Ce que DKIM montre, et ce qu’il ne montre pas
ev-proves = Une signature DKIM qui se vérifie montre que le domaine qu’elle nomme (d=) a signé les champs d’en-tête qu’elle liste et le corps, et qu’aucun de ces octets n’a changé depuis. Cela repose sur la clé : ce doit être la clé que le domaine publiait à l’époque, et la provenance de chaque clé est indiquée avec elle.
ev-not = Elle ne montre pas qui a écrit le message (toute personne ayant un compte sur ce domaine, ou un accès à son serveur de messagerie, peut envoyer du courrier signé), ni que ce qu’il dit est vrai, ni quoi que ce soit sur les parties que la signature ne couvre pas. Une signature qui ne se vérifie pas ne prouve pas non plus une falsification : les systèmes de messagerie modifient les messages en route, et une réparation nommée ci-dessous indique quand une modification connue et anodine explique l’échec.
ev-input = Le message vérifié
ev-name = Nom
ev-size = Taille
ev-bytes = { $n } octets
ev-sha256 = SHA-256
ev-from = De (From)
ev-to = À (To)
ev-date = Date
ev-subject = Objet (Subject)
ev-signatures = Signatures DKIM
ev-signature = Signature { $n } : { $domain }
ev-no-signature = Ce message n’a pas de signature DKIM.
ev-tags = Balises telles qu’écrites
ev-result = Résultat
ev-assessment = Évaluation
ev-body = Le corps correspond à l’empreinte de la signature
ev-header = La signature se vérifie avec la clé
ev-explanation = En clair
ev-repair = Réparation nommée
ev-warnings = Avertissements
ev-judged = Jugée à la date du
ev-key = Clé
ev-key-type = Type et taille
ev-spki = Empreinte de la clé (SHA-256 du SubjectPublicKeyInfo)
ev-origin = Provenance de la clé
ev-key-source = Où elle a été trouvée
ev-seen = Vue dans des sources publiques
ev-seen-unknown = aucune date connue
ev-flags = Marques
ev-yes = oui
ev-no = non
ev-unknown = non vérifié
ev-none = aucune
ev-domainkeys = Signatures DomainKeys (l’ancien mécanisme que DKIM a remplacé)
ev-arc = Chaîne ARC (ce que les serveurs de transfert ont ajouté)
ev-check = La vérification
ev-checked-at = Vérifié le
ev-mode = Jugement des signatures
ev-tool = Outil
ev-commit = Compilé depuis le commit
ev-wasm = SHA-256 du WebAssembly exécuté
ev-reproduce = Vérifier à nouveau
ev-reproduce-how = Enregistrez le message original ci-dessous, comparez son SHA-256 avec celui indiqué plus haut, et lancez dkimcheck dessus (ou tout vérificateur DKIM avec les mêmes clés) :
ev-user-key = Une clé a été ajoutée à la main pour cette vérification : donnez la même clé à dkimcheck avec --keys FICHIER.
ev-original = Le message original
ev-download = Télécharger le message original ({ $name }, { $n } octets)
ev-original-note = Le fichier est intégré à ce rapport octet pour octet. Le message n’est montré ici que comme du texte ; rien de ce qu’il contient n’a été exécuté ni affiché comme une page web.
ev-footer = Produit par { $tool } { $version }.

## The page: one message (issue 9)

page-save-evidence = Enregistrer le rapport de preuve
page-save-evidence-hint = Un seul fichier HTML avec le verdict, les clés et leurs empreintes, la façon de refaire la vérification, et le message original.
page-evidence-failed = Le rapport de preuve n’a pas pu être produit : { $error }
sig-named-repair = Réparation nommée
key-fingerprint = Empreinte (SHA-256 du SPKI)
caveat-repaired = se vérifie une fois une modification connue annulée
## Fuites entières : fichiers écartés, progression des mbox, clés manquantes, exports

batch-skipped = { $count ->
    [one] { $count } fichier n’est pas un message et a été écarté (ni compté, ni lu comme clé) : { $names }
   *[other] { $count } fichiers ne sont pas des messages et ont été écartés (ni comptés, ni lus comme clés) : { $names }
}
batch-mbox-unreadable = Le fichier mbox n’a pas pu être lu.
batch-skipped-more = …et { $count } autres
batch-table-label = Messages
batch-shown-all = { $count ->
    [one] { $count } message. Choisissez-le (ou appuyez sur Entrée) pour voir le détail ; il est vérifié à nouveau à l’ouverture.
   *[other] { $count } messages. Faites défiler, ou utilisez ↑ ↓ Page précédente, Page suivante, Début et Fin dans le tableau ; Entrée ouvre un message (vérifié à nouveau à l’ouverture).
}
batch-export-separator = Séparateur CSV
batch-export-comma = virgule (,)
batch-export-semicolon = point-virgule (;)
batch-export-separator-hint = Le point-virgule convient aux tableurs qui écrivent les nombres 1,5 (Excel en français, par exemple).
progress-batch-growing = { $done } messages examinés sur au moins { $total } · { $rate } messages/s · { $percent } % du fichier lu
keys-needed-heading = { $count ->
    [one] Clé manquante : aucune clé connue pour { $count } nom
   *[other] Clés manquantes : aucune clé connue pour { $count } noms
}
keys-needed-explain = Des messages n’ont pas pu être vérifiés : aucune clé publique n’est connue pour les noms ci-dessous. Il faut la clé que le domaine publiait quand les messages ont été envoyés : celle qui est dans le DNS aujourd’hui est souvent plus récente, et un message signé avec une clé plus ancienne ne se vérifiera pas avec elle (ce qui ne prouve rien, ni dans un sens ni dans l’autre).
keys-needed-where = Où chercher la clé publiée à ces dates :
keys-needed-where-zkemail = l’archive de clés DKIM de zk-email (archive.prove.email), qui relève les clés vues dans des courriels signés, par sélecteur, domaine et date ;
keys-needed-where-passive-dns = les services de DNS passif et d’historique DNS (par exemple DNSDB, SecurityTrails), qui gardent les anciens enregistrements TXT ;
keys-needed-where-owner = le titulaire du domaine ou son fournisseur de messagerie, qui peut dire quelle clé était en service à l’époque ;
keys-needed-where-today = le DNS d’aujourd’hui (dig TXT sélecteur._domainkey.domaine) seulement si la clé n’a pas changé depuis la dernière de ces dates.
keys-needed-line = { $count ->
    [one] { $count } message, { $first }
   *[other] { $count } messages, du { $first } au { $last }
}
keys-needed-line-undated = { $count ->
    [one] { $count } message, sans date
   *[other] { $count } messages, sans date
}
keys-needed-more = …et { $count } autres noms (tous sont dans la liste à copier).
keys-needed-copy-summary = Les noms, un par ligne
keys-needed-copy-label = Les noms des clés manquantes, un par ligne
keys-needed-copy = Copier la liste
keys-needed-copied = { $count ->
    [one] { $count } nom copié.
   *[other] { $count } noms copiés.
}
keys-needed-add = Ajouter des clés…
keys-bulk-heading = Ajouter plusieurs clés
keys-bulk-label = Lignes de fichier de zone ou de dig, une clé par ligne (par exemple : sel._domainkey.example.org. IN TXT "v=DKIM1; p=…"), ou le JSON d’une archive
keys-bulk-add = Ajouter les clés et vérifier les messages qui en ont besoin
keys-bulk-empty = Collez d’abord au moins une clé.
keys-bulk-added = { $count ->
    [one] { $count } clé ajoutée : { $names }.
   *[other] { $count } clés ajoutées : { $names }.
}
keys-bulk-added-more = { $more ->
    [one] { $count } clés ajoutées : { $names } et { $more } autre.
   *[other] { $count } clés ajoutées : { $names } et { $more } autres.
}

## La ligne de commande (src/report/explain.rs : keys_needed_heading, key_needed_line, skipped_not_message)

cli-keys-needed-none = Clés manquantes : aucune (chaque signature a trouvé sa clé).
cli-keys-needed-heading = { $count ->
    [one] Clé manquante : aucune clé n’est connue pour ce nom. Il faut la clé publiée quand les messages ont été envoyés (le DNS d’aujourd’hui peut en contenir une plus récente) : cherchez dans les archives d’enregistrements DNS, les anciens fichiers de zone du domaine ou les archives des expéditeurs, puis ajoutez-la avec --keys.
   *[other] Clés manquantes : aucune clé n’est connue pour ces { $count } noms. Il faut à chaque fois la clé publiée quand les messages ont été envoyés (le DNS d’aujourd’hui peut en contenir une plus récente) : cherchez dans les archives d’enregistrements DNS, les anciens fichiers de zone du domaine ou les archives des expéditeurs, puis ajoutez-la avec --keys.
}
cli-keys-needed-columns = messages  premier     dernier     nom
cli-skipped-not-message = { $source } écarté : ce n’est pas un courriel, il n’a donc pas été vérifié
cli-skipped-keys-file = { $source } écarté : ce n’est pas un courriel, il n’a donc pas été vérifié ; il ressemble à un fichier de clés, mais les clés ne sont lues que dans les fichiers donnés avec --keys
