
## Fuites entières : fichiers écartés, progression des mbox, clés manquantes, exports

batch-skipped = { $count ->
    [one] { $count } fichier n’est pas un message et a été écarté (ni compté, ni lu comme clé) : { $names }
   *[other] { $count } fichiers ne sont pas des messages et ont été écartés (ni comptés, ni lus comme clés) : { $names }
}
batch-skipped-more = …et { $count } autres
batch-table-label = Messages
batch-shown-all = { $count ->
    [one] { $count } message. Choisissez-le (ou appuyez sur Entrée) pour voir le détail ; il est vérifié à nouveau à l’ouverture.
   *[other] { $count } messages. Faites défiler, ou utilisez ↑ ↓ Page précédente, Page suivante, Début et Fin dans le tableau ; Entrée ouvre un message (vérifié à nouveau à l’ouverture).
}
batch-export-separator = Séparateur CSV
batch-export-comma = virgule (,)
batch-export-semicolon = point-virgule (;), pour un tableur en français et dans les langues qui écrivent 1,5
progress-batch-growing = { $done } messages vérifiés sur au moins { $total } · { $rate } messages/s · { $percent } % du fichier lu
keys-needed-heading = { $count ->
    [one] Clé manquante : aucune clé connue pour { $count } nom
   *[other] Clés manquantes : aucune clé connue pour { $count } noms
}
keys-needed-explain = Les messages ci-dessous n’ont pas pu être vérifiés : aucune clé publique n’est connue pour ces noms. Il faut la clé que le domaine publiait quand les messages ont été envoyés : celle qui est dans le DNS aujourd’hui est souvent plus récente, et un message signé avec une clé plus ancienne ne se vérifiera pas avec elle (ce qui ne prouve rien, ni dans un sens ni dans l’autre).
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
keys-bulk-checking = { $count ->
    [one] Nouvelle vérification du message qui en a besoin…
   *[other] Nouvelle vérification des { $count } messages qui en ont besoin…
}

## La ligne de commande (src/report/explain.rs : keys_needed_heading, key_needed_line, skipped_not_message)

cli-keys-needed-none = Clés manquantes : aucune (chaque signature a trouvé sa clé).
cli-keys-needed-heading = Clés manquantes : aucune clé n’est connue pour ces { $count } noms. Il faut à chaque fois la clé publiée quand les messages ont été envoyés (le DNS d’aujourd’hui peut en contenir une plus récente) : cherchez dans les archives d’enregistrements DNS, les anciens fichiers de zone du domaine ou les archives des expéditeurs, puis ajoutez-la avec --keys.
cli-keys-needed-columns = messages  premier     dernier     nom
cli-skipped-not-message = { $source } écarté : ce n’est pas un courriel (un fichier qui n’est pas un message n’est jamais vérifié ni lu comme clé)
