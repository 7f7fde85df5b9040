# Issue 9's sentences for the catalogs (branch i18n, issue 10), ready to append to locales/fr.ftl
# (same ids as issue-9.en.ftl).

## Report: named repairs of a failed signature (what was undone, what that does and does not show)

repair-closing = Ce n'est pas une vérification du message tel qu'il est : cela montre seulement qu'il ne diffère de ce que { $domain } a signé que par cette modification, que les systèmes de messagerie font couramment, mais pas qui l'a faite.
repair-list-footer = { $appended ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois retirée la dernière ligne du corps, ajoutée après la signature (comme les listes de diffusion ajoutent un pied de message) : le corps jusqu'à la ligne { $signed } est exactement ce que { $domain } a signé, et la ligne qui suit n'est pas couverte.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois retirées les { $appended } dernières lignes du corps, ajoutées après la signature (comme les listes de diffusion ajoutent un pied de message) : le corps jusqu'à la ligne { $signed } est exactement ce que { $domain } a signé, et les lignes qui suivent ne sont pas couvertes.
}
repair-list-subject-tag = Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois « { $tag } » retiré de l'objet (Subject) (les listes de diffusion ajoutent une telle étiquette) : à part cela, les champs d'en-tête signés sont exactement ce que { $domain } a signé.
repair-header-whitespace = { $count ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois les espaces du champ { $fields } remis comme ils le sont d'habitude (certaines listes de diffusion réindentent les lignes repliées ou ajoutent des espaces après le nom des champs) : les caractères des champs d'en-tête signés sont exactement ce que { $domain } a signé.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois les espaces des champs { $fields } remis comme ils le sont d'habitude (certaines listes de diffusion réindentent les lignes repliées ou ajoutent des espaces après le nom des champs) : les caractères des champs d'en-tête signés sont exactement ce que { $domain } a signé.
}
repair-header-name-case = { $count ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois rétablies les majuscules du nom de champ ({ $changes }) : les champs d'en-tête signés sont par ailleurs exactement ce que { $domain } a signé.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois rétablies les majuscules des noms de champs ({ $changes }) : les champs d'en-tête signés sont par ailleurs exactement ce que { $domain } a signé.
}
repair-name-change = { $received } → { $signed }
repair-separator-space = { $lines ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois remise l'espace finale du séparateur de signature « -- » sur 1 ligne (certains logiciels de messagerie la suppriment) : le corps est par ailleurs exactement ce que { $domain } a signé.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois remise l'espace finale du séparateur de signature « -- » sur { $lines } lignes (certains logiciels de messagerie la suppriment) : le corps est par ailleurs exactement ce que { $domain } a signé.
}
repair-trailing-whitespace = { $lines ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois retirés les espaces ou tabulations ajoutés en fin de 1 ligne : le corps est par ailleurs exactement ce que { $domain } a signé.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois retirés les espaces ou tabulations ajoutés en fin de { $lines } lignes : le corps est par ailleurs exactement ce que { $domain } a signé.
}
repair-mbox-quoting = { $lines ->
    [one] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois annulé le marquage mbox de 1 ligne (les lignes qui commençaient par « From » ont été enregistrées en « >From » quand le message a été mis dans un fichier mbox) : le corps est par ailleurs exactement ce que { $domain } a signé.
   *[other] Elle ne se vérifie pas telle que reçue ; elle se vérifie une fois annulé le marquage mbox de { $lines } lignes (les lignes qui commençaient par « From » ont été enregistrées en « >From » quand le message a été mis dans un fichier mbox) : le corps est par ailleurs exactement ce que { $domain } a signé.
}

## The evidence report (one HTML file per message: CLI --evidence, the page's "Save evidence report")

ev-title = Rapport de preuve DKIM
ev-verdict = Verdict
ev-status-verified = Vérifié
ev-status-consistent = Cohérent avec une clé reconstituée (non vérifié)
ev-status-proves_nothing = Ne prouve rien (une clé avec laquelle tout le monde peut signer)
ev-status-failed = Échec : ne se vérifie pas
ev-status-no_key = Non vérifié : aucune clé connue
ev-status-invalid = Impossible à évaluer
ev-status-unsigned = Non signé
ev-status-error = Illisible en tant qu'e-mail
ev-what = Ce que DKIM montre, et ce qu'il ne montre pas
ev-proves = Une signature DKIM qui se vérifie montre que le domaine qu'elle nomme (d=) a signé les champs d'en-tête qu'elle liste et le corps, et qu'aucun de ces octets n'a changé depuis. Cela repose sur la clé : ce doit être la clé que le domaine publiait à l'époque, et la provenance de chaque clé est indiquée avec elle.
ev-not = Elle ne montre pas qui a écrit le message (toute personne ayant un compte sur ce domaine, ou un accès à son serveur de messagerie, peut envoyer du courrier signé), ni que ce qu'il dit est vrai, ni quoi que ce soit sur les parties que la signature ne couvre pas. Une signature qui ne se vérifie pas ne prouve pas non plus une falsification : les systèmes de messagerie modifient les messages en route, et une réparation nommée ci-dessous indique quand une modification connue et anodine explique l'échec.
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
ev-signature = Signature { $n } : { $domain }
ev-no-signature = Ce message n'a pas de signature DKIM.
ev-tags = Balises telles qu'écrites
ev-result = Résultat
ev-assessment = Évaluation
ev-body = Le corps correspond à l'empreinte de la signature
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
ev-flags = Marques
ev-yes = oui
ev-no = non
ev-unknown = non vérifié
ev-none = aucune
ev-domainkeys = Signatures DomainKeys (l'ancien mécanisme que DKIM a remplacé)
ev-arc = Chaîne ARC (ce que les serveurs de transfert ont ajouté)
ev-check = La vérification
ev-checked-at = Vérifié le
ev-mode = Jugement des signatures
ev-tool = Outil
ev-commit = Compilé depuis le commit
ev-wasm = SHA-256 du WebAssembly exécuté
ev-reproduce = Vérifier à nouveau
ev-reproduce-how = Enregistrez le message original ci-dessous, comparez son SHA-256 avec celui indiqué plus haut, et lancez dkimcheck dessus (ou tout vérificateur DKIM avec les mêmes clés) :
ev-user-key = Une clé a été ajoutée à la main pour cette vérification : donnez la même clé à dkimcheck avec --keys FICHIER.
ev-original = Le message original
ev-download = Télécharger le message original ({ $name }, { $n } octets)
ev-original-note = Le fichier est intégré à ce rapport octet pour octet. Le message n'est montré ici que comme du texte ; rien de ce qu'il contient n'a été exécuté ni affiché comme une page web.
ev-footer = Produit par { $tool } { $version }.

## The page: one message (issue 9)

page-save-evidence = Enregistrer le rapport de preuve
page-save-evidence-hint = Un seul fichier HTML avec le verdict, les clés et leurs empreintes, la façon de refaire la vérification, et le message original.
page-evidence-failed = Le rapport de preuve n'a pas pu être produit : { $error }
sig-named-repair = Réparation nommée
key-fingerprint = Empreinte (SHA-256 du SPKI)
caveat-repaired = se vérifie une fois une modification connue annulée

## The command line: lines of cli-help (issue 9)

cli-help-format =     --format <FORMAT>   human (par défaut), json (un objet JSON par message : JSON Lines),
                        csv (une ligne d'en-tête, puis une ligne par message) ou ar (un champ
                        Authentication-Results RFC 8601 par message)
cli-help-evidence =     --evidence <DIR>    écrire aussi dans DIR un rapport de preuve par message : un fichier
                        HTML autonome (verdict, signatures et clés avec leurs empreintes, la
                        commande qui refait la vérification, le message original intégré)
