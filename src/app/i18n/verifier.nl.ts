import type { verifierEn } from './verifier.en.ts';

export const verifierNl: Record<keyof typeof verifierEn, string> = {
  'verifier.sections': 'Onderdelen van de verificatiebalie',
  'verifier.locked.title': 'Verificatiebalie vergrendeld',
  'verifier.locked.idle': 'De balie is vergrendeld na 15 minuten zonder activiteit.',
  'verifier.kind.agency': 'Uitkeringsinstantie of gemeente',
  'verifier.kind.employer': 'Werkgever',
  'verifier.kind.other': 'Andere organisatie',

  'verifier.setup.title': 'Verificatiebalie instellen',
  'verifier.setup.intro':
    'De balie vraagt burgers precies de gegevens die ze nodig heeft en controleert hun antwoorden, offline. Ze krijgt een eigen identiteit (een did:key met een ES256-sleutel) en een eigen toegangscode; niets verlaat dit apparaat.',
  'verifier.setup.name': 'Naam van de organisatie',
  'verifier.setup.nameHint':
    'Wallets tonen deze naam op het toestemmingsscherm, bv. “Gemeente Utrecht”.',
  'verifier.setup.invalidProfile': 'Vul de naam van je organisatie in (hoogstens 200 tekens).',
  'verifier.setup.kind': 'Soort verificateur',
  'verifier.setup.passcodeTitle': 'Toegangscode van de balie',
  'verifier.setup.passcode': 'Toegangscode verificatiebalie',
  'verifier.setup.passcodeRepeat': 'Herhaal toegangscode verificatiebalie',
  'verifier.setup.submit': 'Verificatiebalie instellen',

  'verifier.tab.request': 'Verzoek',
  'verifier.tab.check': 'Antwoord controleren',
  'verifier.tab.trust': 'Vertrouwde uitgevers',
  'verifier.tab.status': 'Statuslijsten',
  'verifier.tab.history': 'Geschiedenis',
  'verifier.tab.settings': 'Instellingen van de balie',

  'verifier.request.title': 'Om een bewijsstuk vragen',
  'verifier.request.intro':
    'Kies wat je nodig hebt. De burger ziet je naam, het doel en elk gegeven, en kan de optionele gegevens weglaten.',
  'verifier.request.template': 'Wat heb je nodig?',
  'verifier.request.custom': 'Eigen verzoek',
  'verifier.request.month': 'Maand',
  'verifier.request.monthMissing': 'Kies de maand van de inkomensverklaring.',
  'verifier.request.type': 'Soort bewijsstuk',
  'verifier.request.required': 'Verplicht',
  'verifier.request.optional': 'Optioneel',
  'verifier.request.notAsked': 'Niet gevraagd',
  'verifier.request.declare': 'De burger verklaart',
  'verifier.request.rule': 'Toets op het antwoord',
  'verifier.request.purpose': 'Doel',
  'verifier.request.purposeHint':
    'Zeg waarom je het nodig hebt, in woorden die de burger begrijpt.',
  'verifier.request.purposeMissing': 'Schrijf het doel van het verzoek.',
  'verifier.request.nothingRequired': 'Markeer minstens één gegeven als verplicht.',
  'verifier.request.show': 'Verzoek tonen',
  'verifier.request.shownTitle': 'Verzoek klaar',
  'verifier.request.handOver':
    'Laat de burger deze code scannen met de wallet en scan daarna de code van het antwoord.',
  'verifier.request.asked': 'Wat het verzoek vraagt',
  'verifier.request.qrLabel': 'Verzoek voor {purpose}',
  'verifier.request.otherWays': 'Andere manieren',
  'verifier.request.text': 'Verzoek als tekst',
  'verifier.request.link': 'Link voor een wallet op dit apparaat',
  'verifier.request.linkHint': 'De wallet stuurt het antwoord rechtstreeks terug naar deze pagina.',
  'verifier.request.openHere': 'Openen in de wallet op dit apparaat',
  'verifier.request.new': 'Nieuw verzoek',

  'verifier.template.income-supplement.name':
    'Aanvulling tot bijstandsnorm (Participatiewet) voor een maand',
  'verifier.template.income-supplement.purpose':
    'Aanvulling tot de bijstandsnorm (Participatiewet) over {month}',
  'verifier.template.asbestos-tas.name': 'Tegemoetkoming asbestslachtoffers (TAS/TNS)',
  'verifier.template.asbestos-tas.purpose':
    'Tegemoetkoming asbestslachtoffers (TAS/TNS): je diagnose en enkele feiten die je verklaart',
  'verifier.template.asbestos-afa.name': 'Belgisch Asbestfonds (AFA)',
  'verifier.template.asbestos-afa.purpose':
    'Belgisch Asbestfonds (AFA): je diagnose en enkele feiten die je verklaart',
  'verifier.template.diploma-job.name': 'Diploma voor een sollicitatie',
  'verifier.template.diploma-job.purpose': 'Diploma voor een sollicitatie',

  'verifier.answer.title': 'Antwoord scannen',
  'verifier.answer.intro':
    'Scan de code die de wallet toont (ook bewegende codes), upload er een foto van of plak de tekst.',
  'verifier.answer.checking': 'Antwoord wordt gecontroleerd…',

  'verifier.check.title': 'Antwoord controleren',
  'verifier.check.intro':
    'Scan een antwoord op een van de verzoeken van deze balie. Elk verzoek kan één keer beantwoord worden.',
  'verifier.check.malformed': 'Dit is geen leesbaar antwoord van een wallet.',
  'verifier.check.another': 'Een ander antwoord controleren',
  'verifier.check.pass': 'Geslaagd',
  'verifier.check.fail': 'Mislukt',
  'verifier.check.warning': 'Waarschuwing',

  'verifier.verdict.valid': 'Geldig',
  'verifier.verdict.notValid': 'Niet geldig',
  'verifier.verdict.failedChecks': 'Niet geslaagde controles: {checks}.',
  'verifier.verdict.answers': 'Antwoord op: {purpose}.',
  'verifier.verdict.noRequest': 'Dit antwoord hoort niet bij een verzoek waarop de balie wacht.',
  'verifier.verdict.credential': 'Bewijsstuk',
  'verifier.verdict.issuedBy': 'Uitgegeven door {name}, op je vertrouwenslijst.',
  'verifier.verdict.untrusted': 'Onbekende uitgever — niet vertrouwd.',
  'verifier.verdict.trustListExpired':
    'Deze uitgever staat alleen op de vertrouwenslijst “{name}”, die verlopen is op {when}. Importeer een actuele versie van de lijst.',
  'verifier.verdict.claims': 'Getoonde gegevens',
  'verifier.verdict.noClaims':
    'Er kunnen geen gegevens getoond worden: het bewijsstuk doorstond de controles niet.',
  'verifier.verdict.status': 'Intrekkingsstatus',
  'verifier.verdict.statusNone': 'Dit bewijsstuk heeft geen statuslijst.',
  'verifier.verdict.statusUnavailable':
    'De balie heeft geen bruikbare statuslijst voor dit bewijsstuk.',
  'verifier.verdict.revoked': 'Ingetrokken door de uitgever.',
  'verifier.verdict.notRevoked': 'Niet ingetrokken.',
  'verifier.verdict.statusAge': 'Statuslijst van {ago}.',
  'verifier.verdict.statusFetched': 'De kopie van de balie is {ago} opgehaald.',
  'verifier.verdict.statusStale': 'Dat is ouder dan je maximale leeftijd.',
  'verifier.verdict.fetchStatus': 'Statuslijsten ophalen',
  'verifier.verdict.checks': 'Controles',
  'verifier.verdict.declared': 'Verklaard door de burger',
  'verifier.verdict.declaredHint':
    'Verklaard, niet geverifieerd: geen uitgever heeft deze feiten ondertekend.',
  'verifier.verdict.declaredMark': 'verklaard, niet geverifieerd',
  'verifier.verdict.notUsed': 'niet gevraagd: niet gebruikt bij de toets',
  'verifier.verdict.yes': 'ja',
  'verifier.verdict.no': 'nee',

  'verifier.fact.household': 'Huishouden van de aanvrager',
  'verifier.fact.costSharers':
    'Volwassenen in de woning van de aanvrager (kostendelers, aanvrager meegeteld)',
  'verifier.fact.ageBand': 'Leeftijd van de aanvrager',
  'verifier.fact.netIncomeCents': 'Netto-inkomen van de aanvrager deze maand',
  'verifier.fact.partnerNetIncomeCents': 'Netto-inkomen van de partner deze maand',
  'verifier.fact.assetsCents': 'Vermogen van de aanvrager (hele huishouden)',
  'verifier.fact.exemption': 'Gevraagde inkomstenvrijlating',
  'verifier.fact.diagnosis': 'Diagnose',
  'verifier.fact.exposure': 'Hoe de aanvrager met asbest in aanraking kwam',
  'verifier.fact.yearsResidentNl': 'Aaneengesloten jaren dat de aanvrager in Nederland woonde',
  'verifier.fact.earlierPaymentCents': 'Eerder ontvangen vergoeding voor deze ziekte',
  'verifier.fact.alive': 'Slachtoffer in leven',
  'verifier.fact.appliedBeforeDeath': 'Slachtoffer meldde zich vóór het overlijden bij het IAS',
  'verifier.fact.incapacityPoints': 'Erkende punten arbeidsongeschiktheid',
  'verifier.parameter.norm': 'Bijstandsnorm, {household}, {age}, {holiday}',
  'verifier.parameter.normSingle': 'alleenstaande',
  'verifier.parameter.normCouple': 'gehuwden of samenwonenden',
  'verifier.parameter.holidayExcl': 'zonder vakantietoeslag',
  'verifier.parameter.holidayIncl': 'met vakantietoeslag',
  'verifier.parameter.costSharerNorm':
    'Kostendelersnorm per persoon, huishouden van {n}, {holiday}',
  'verifier.parameter.costSharerNormAge': 'Kostendelersnorm, huishouden van {n}, {age}',
  'verifier.parameter.assetLimitSingle': 'Vermogensgrens, alleenstaande',
  'verifier.parameter.assetLimitFamily':
    'Vermogensgrens, alleenstaande ouder of gehuwden/samenwonenden',
  'verifier.parameter.exemptionMaximum': 'Maximum per maand: {exemption}',
  'verifier.parameter.tasTnsAmount': 'Bedrag van de tegemoetkoming TAS/TNS',
  'verifier.parameter.tsbAmount': 'Bedrag van de tegemoetkoming TSB',
  'verifier.parameter.afaMesotheliomaLumpSum': 'Eenmalig AFA-bedrag bij mesothelioom',
  'verifier.parameter.afaMesotheliomaMonthly': 'AFA-maandbedrag bij mesothelioom',
  'verifier.parameter.afaPerPointMonthly': 'AFA-maandbedrag per punt arbeidsongeschiktheid',
  'verifier.benefit.title': 'Toets op de regeling',
  'verifier.benefit.about': '{rule}, voor {period}. Dezelfde regel als in de wallet van de burger.',
  'verifier.benefit.outcome': 'Uitkomst',
  'verifier.benefit.status.eligible': 'Recht',
  'verifier.benefit.status.likely-eligible':
    'Waarschijnlijk recht: een voorwaarde beoordeelt de instantie die beslist (zie de stappen)',
  'verifier.benefit.status.not-eligible': 'Geen recht',
  'verifier.benefit.status.needs-evidence': 'Meer bewijs nodig',
  'verifier.benefit.status.unknown':
    'Niet te bepalen: geen gepubliceerde bedragen voor deze periode',
  'verifier.benefit.amount': 'Bedrag',
  'verifier.benefit.amountUnpublished': 'niet gepubliceerd voor deze periode',
  'verifier.benefit.amountNone': 'geen',
  'verifier.benefit.amountOpen': 'niet bekend zolang het bewijs niet compleet is',
  'verifier.benefit.holiday': 'Gereserveerde vakantietoeslag (uitbetaald in juni)',
  'verifier.benefit.monthly': 'Per maand',
  'verifier.benefit.scheme': 'Regeling',
  'verifier.benefit.schemeNone': 'geen',
  'verifier.benefit.trace': 'Zo is het berekend',
  'verifier.benefit.input': 'Gegeven',
  'verifier.benefit.verified': 'geverifieerd',
  'verifier.benefit.declared': 'verklaard door de burger, niet geverifieerd',
  'verifier.benefit.parameter': 'Bedrag uit de regeling',
  'verifier.benefit.validFrom': 'geldig vanaf {date}',
  'verifier.benefit.source': 'bron',
  'verifier.benefit.derived': 'afgeleid door berekening, niet zelf gepubliceerd',
  'verifier.benefit.legalBasis': 'Wettelijke grondslag',
  'verifier.benefit.evidence': 'Nog aan te leveren',

  'verifier.checkName.encoding': 'Leesbare presentatie',
  'verifier.checkName.issuer-signature': 'Handtekening van de uitgever',
  'verifier.checkName.issuer-trusted': 'Vertrouwde uitgever',
  'verifier.checkName.disclosures': 'Getoonde gegevens ongeschonden',
  'verifier.checkName.key-binding': 'Getoond door de houder',
  'verifier.checkName.audience': 'Bestemd voor deze balie',
  'verifier.checkName.nonce': 'Antwoord op dit verzoek',
  'verifier.checkName.freshness': 'Zojuist gemaakt',
  'verifier.checkName.sd-hash': 'Niets toegevoegd of weggelaten',
  'verifier.checkName.validity': 'Geldigheidsduur',
  'verifier.checkName.status': 'Niet ingetrokken',
  'verifier.checkName.requested-claims': 'Gevraagde gegevens aanwezig',

  'verifier.pass.encoding': 'De presentatie kon gelezen worden.',
  'verifier.pass.issuer-signature': 'De handtekening van de uitgever klopt.',
  'verifier.pass.issuer-trusted':
    'De uitgever staat op een vertrouwenslijst voor dit soort bewijsstuk.',
  'verifier.pass.disclosures': 'Elk getoond gegeven is door de uitgever ondertekend.',
  'verifier.pass.key-binding':
    'De wallet die het bewijsstuk bewaart, heeft deze presentatie ondertekend.',
  'verifier.pass.audience': 'De presentatie is voor deze balie gemaakt.',
  'verifier.pass.nonce': 'Ze beantwoordt een verzoek van deze balie, voor het eerst.',
  'verifier.pass.freshness': 'De presentatie is in de laatste minuten gemaakt.',
  'verifier.pass.sd-hash': 'De presentatie is precies zo aangekomen als de wallet ze ondertekende.',
  'verifier.pass.validity': 'Het bewijsstuk is binnen zijn geldigheidsduur.',
  'verifier.pass.status': 'De uitgever heeft het bewijsstuk niet ingetrokken.',
  'verifier.pass.requested-claims': 'Elk verplicht gegeven is getoond.',

  'verifier.code.bad-encoding':
    'De presentatie is beschadigd of niet in een vorm die de balie kan lezen.',
  'verifier.code.bad-signature':
    'De handtekening van de uitgever klopt niet: het bewijsstuk is gewijzigd of vervalst.',
  'verifier.code.unsupported-alg':
    'Het bewijsstuk is ondertekend met een methode die de balie niet aanvaardt.',
  'verifier.code.unknown-issuer-key': 'De balie vindt de sleutel van de uitgever niet.',
  'verifier.code.untrusted-issuer':
    'De uitgever staat op geen van je vertrouwenslijsten voor dit soort bewijsstuk: niet vertrouwd.',
  'verifier.code.disclosure-digest-missing':
    'Een getoond gegeven is niet door de uitgever ondertekend.',
  'verifier.code.disclosure-duplicate': 'Een gegeven is twee keer getoond.',
  'verifier.code.disclosable-registered-claim':
    'De uitgever liet de houder de einddatum, de intrekkingsstatus of een ander vast onderdeel van de verklaring verbergen: er valt niet op te vertrouwen.',
  'verifier.code.kb-missing':
    'De bevestiging van de houder ontbreekt: iedereen had dit bewijsstuk kunnen kopiëren.',
  'verifier.code.kb-bad-signature':
    'De bevestiging van de houder is niet ondertekend door de wallet die het bewijsstuk bewaart.',
  'verifier.code.wrong-audience': 'Deze presentatie is voor een andere verificateur gemaakt.',
  'verifier.code.wrong-nonce':
    'Deze presentatie beantwoordt een ander verzoek, niet een van deze balie.',
  'verifier.code.replayed': 'Dit antwoord is al eens gebruikt: het wordt opnieuw afgespeeld.',
  'verifier.code.stale': 'Deze presentatie is te oud: vraag een nieuwe.',
  'verifier.code.sd-hash-mismatch': 'De presentatie is gewijzigd nadat de wallet ze ondertekende.',
  'verifier.code.expired': 'Het bewijsstuk is verlopen.',
  'verifier.code.not-yet-valid': 'Het bewijsstuk is nog niet geldig.',
  'verifier.code.revoked': 'De uitgever heeft dit bewijsstuk ingetrokken.',
  'verifier.code.status-unavailable':
    'De balie heeft geen recente statuslijst voor dit bewijsstuk en kan dus niet zeggen of het is ingetrokken.',
  'verifier.code.missing-claim': 'Een verplicht gegeven ontbreekt in het antwoord.',
  'verifier.code.warning':
    'De status kon niet bevestigd worden (geen recente statuslijst); aanvaard omdat je beleid “waarschuwen” is.',

  'verifier.trust.lists.title': 'Vertrouwenslijsten',
  'verifier.trust.lists.intro':
    'Een ondertekende vertrouwenslijst zegt welke uitgevers welke soorten bewijsstukken mogen uitgeven. Alleen uitgevers op een lijst worden vertrouwd.',
  'verifier.trust.lists.empty': 'Nog geen vertrouwenslijst geïmporteerd.',
  'verifier.trust.lists.signedBy': 'ondertekend door',
  'verifier.trust.lists.unreadable': 'Vertrouwenslijst',
  'verifier.trust.lists.noLongerValid':
    'Deze lijst klopt niet meer (misschien is ze verlopen); ze wordt niet gebruikt.',
  'verifier.trust.lists.importedAt': 'Geïmporteerd op {when}.',
  'verifier.trust.lists.remove': 'Vertrouwenslijst {name} verwijderen',
  'verifier.trust.import.title': 'Een vertrouwenslijst importeren',
  'verifier.trust.import.file': 'Bestand met vertrouwenslijst',
  'verifier.trust.import.text': 'Of plak de vertrouwenslijst',
  'verifier.trust.import.submit': 'Vertrouwenslijst importeren',
  'verifier.trust.import.empty': 'Kies een bestand met een vertrouwenslijst of plak er een.',
  'verifier.trust.import.done': '“{name}” geïmporteerd, ondertekend door {signer}.',
  'verifier.trust.import.malformed': 'Dit is geen Vouch-vertrouwenslijst.',
  'verifier.trust.import.badSignature': 'De handtekening van deze vertrouwenslijst klopt niet.',
  'verifier.trust.import.unsupportedAlg':
    'Deze vertrouwenslijst is ondertekend met een methode die de balie niet aanvaardt.',
  'verifier.trust.import.expired':
    'Deze vertrouwenslijst is verlopen op {when}. Vraag de uitgever om een actuele versie.',
  'verifier.trust.import.already': 'Deze vertrouwenslijst is al geïmporteerd.',
  'verifier.trust.profile.title': 'Een uitgever vertrouwen via zijn profiel',
  'verifier.trust.profile.intro':
    'Een uitgiftebalie publiceert haar profiel als QR-code en als bestand (….vouch-issuer.jwt). Scan het of kies het bestand: je ziet wie het is en de vingerafdrukwoorden voor je de uitgever vertrouwt.',
  'verifier.trust.profile.scanTitle': 'Profiel van de uitgever scannen',
  'verifier.trust.profile.scanIntro':
    'Scan de profielcode die de uitgiftebalie toont, upload er een foto van of plak de tekst.',
  'verifier.trust.profile.file': 'Profielbestand',
  'verifier.trust.profile.readFile': 'Profielbestand lezen',
  'verifier.trust.profile.reading': 'Het profiel wordt gelezen…',
  'verifier.trust.profile.empty': 'Kies eerst een profielbestand.',
  'verifier.trust.profile.tooLarge':
    'Dit bestand is te groot voor een uitgeversprofiel (hoogstens 16 KiB).',
  'verifier.trust.profile.notProfile':
    'Dit is geen uitgeversprofiel. Vraag de uitgever om het profiel dat zijn balie publiceert (een QR-code of een .vouch-issuer.jwt-bestand).',
  'verifier.trust.profile.isTrustList':
    'Dit is een vertrouwenslijst, geen uitgeversprofiel: importeer ze bij ‘Vertrouwenslijsten’.',
  'verifier.trust.profile.unsupportedAlg':
    'Dit profiel is ondertekend met een methode die de balie niet aanvaardt.',
  'verifier.trust.profile.badSignature':
    'De handtekening van dit profiel klopt niet: het is na het ondertekenen gewijzigd, of niet ondertekend door de uitgever die het noemt. Er is niets vertrouwd.',
  'verifier.trust.profile.malformed':
    'Dit uitgeversprofiel is beschadigd of onvolledig. Vraag de uitgever het opnieuw te publiceren.',
  'verifier.trust.profile.checkTitle': 'Controleer deze uitgever',
  'verifier.trust.profile.name': 'Naam die hij zichzelf geeft',
  'verifier.trust.profile.did': 'DID van de uitgever',
  'verifier.trust.profile.types': 'Geeft uit',
  'verifier.trust.profile.statusLists': 'Statuslijsten',
  'verifier.trust.profile.signedAt': 'Ondertekend',
  'verifier.trust.profile.words': 'Vingerafdrukwoorden van de sleutel van de uitgever',
  'verifier.trust.profile.question': 'Komen deze woorden overeen met die van de uitgever?',
  'verifier.trust.profile.hint':
    'Iedereen kan een profiel maken met om het even welke naam. Vergelijk de woorden met wat de uitgever je zelf gaf (telefonisch, per brief, op de eigen website), niet met woorden die bij het profiel zaten. Vertrouw het alleen als elk woord klopt.',
  'verifier.trust.profile.replaces':
    '{name} staat al op je eigen lijst; dit profiel vertrouwen vervangt de soorten.',
  'verifier.trust.profile.trust': '{name} vertrouwen voor deze soorten',
  'verifier.trust.profile.cancel': 'Annuleren',
  'verifier.trust.profile.cancelled': 'Er is niets vertrouwd.',
  'verifier.trust.own.title': 'Onze eigen vertrouwenslijst',
  'verifier.trust.own.intro':
    'Uitgevers die je hier toevoegt, worden meteen vertrouwd aan deze balie. Onderteken de lijst om ze aan andere balies te geven.',
  'verifier.trust.own.empty': 'Nog geen uitgevers op je eigen lijst.',
  'verifier.trust.own.name': 'Naam van de uitgever',
  'verifier.trust.own.types': 'Vertrouwd voor',
  'verifier.trust.own.did': 'DID van de uitgever',
  'verifier.trust.own.didHint':
    'De identificatie van de uitgever, bv. did:key:zDn…; de uitgiftebalie toont ze bij haar instellingen.',
  'verifier.trust.own.actions': 'Acties',
  'verifier.trust.own.remove': '{name} verwijderen',
  'verifier.trust.own.addTitle': 'Een vertrouwde uitgever toevoegen',
  'verifier.trust.own.add': 'Uitgever toevoegen',
  'verifier.trust.own.added': '{name} wordt nu vertrouwd aan deze balie.',
  'verifier.trust.own.invalidDid': 'Vul een DID in, zoals did:key:zDn…',
  'verifier.trust.own.invalidName': 'Vul de naam van de uitgever in (hoogstens 200 tekens).',
  'verifier.trust.own.noTypes': 'Vink minstens één soort bewijsstuk aan, of vul een W3C-soort in.',
  'verifier.trust.own.signTitle': 'Ondertekenen en exporteren',
  'verifier.trust.own.signIntro':
    'Ondertekend met de sleutel van deze balie, zodat een andere balie kan nagaan waar de lijst vandaan komt.',
  'verifier.trust.own.listName': 'Naam van de lijst',
  'verifier.trust.own.sign': 'Vertrouwenslijst ondertekenen',
  'verifier.trust.own.signed': 'De vertrouwenslijst is ondertekend.',
  'verifier.trust.own.lastSigned': 'Laatst ondertekend op {when}.',
  'verifier.trust.own.signedText': 'Ondertekende vertrouwenslijst',
  'verifier.trust.own.download': 'Ondertekende vertrouwenslijst downloaden',
  'verifier.trust.lists.expired':
    'Deze lijst is verlopen op {when}: de uitgevers erop worden niet meer vertrouwd.',
  'verifier.trust.confirm.title': 'Controleer wie deze lijst ondertekende',
  'verifier.trust.confirm.intro':
    '“{name}” is ondertekend met een sleutel die deze balie nog niet vertrouwt:',
  'verifier.trust.confirm.words': 'Vingerafdrukwoorden van de sleutel van de ondertekenaar',
  'verifier.trust.confirm.question':
    'Komen deze woorden overeen met wat de uitgever van de lijst je heeft gegeven?',
  'verifier.trust.confirm.hint':
    'Vergelijk ze met de woorden die de uitgever je zelf gaf (persoonlijk, telefonisch, op de eigen website), niet met woorden die bij de lijst zaten. Bevestig alleen als elk woord klopt.',
  'verifier.trust.confirm.yes': 'Bevestigen',
  'verifier.trust.confirm.no': 'Annuleren',
  'verifier.trust.confirm.cancelled': 'Er is niets geïmporteerd.',
  'verifier.trust.anchors.title': 'Bevestigde ondertekenaars',
  'verifier.trust.anchors.intro':
    'Lijsten ondertekend met deze sleutels worden geïmporteerd zonder opnieuw naar de woorden te vragen.',
  'verifier.trust.anchors.empty': 'Nog geen ondertekenaar bevestigd.',
  'verifier.trust.anchors.confirmedAt': 'Bevestigd {when}.',
  'verifier.trust.anchors.remove': 'Ondertekenaar {did} vergeten',
  'verifier.trust.own.validUntil': 'Geldig tot',
  'verifier.trust.own.validUntilHint':
    'Andere balies vertrouwen de lijst na deze dag niet meer. Een lijst verloopt altijd; hoogstens een jaar is gebruikelijk.',

  'verifier.status.title': 'Statuslijsten',
  'verifier.status.intro':
    'Kopieën van de intrekkingslijsten van de uitgevers. De balie controleert hier offline mee; een kopie ouder dan {hours} uur is verouderd.',
  'verifier.status.empty':
    'Nog geen statuslijsten. Importeer er een, of haal ze op wanneer een oordeel erom vraagt.',
  'verifier.status.uri': 'Adres',
  'verifier.status.issuedAt': 'Gepubliceerd',
  'verifier.status.fetchedAt': 'Kopie van',
  'verifier.status.stale': 'verouderd',
  'verifier.status.refetch': 'Opnieuw ophalen',
  'verifier.status.remove': 'Verwijderen',
  'verifier.status.importTitle': 'Een statuslijst importeren',
  'verifier.status.file': 'Bestand met statuslijst',
  'verifier.status.text': 'Of plak de statuslijst (statuslist+jwt)',
  'verifier.status.import': 'Statuslijst importeren',
  'verifier.status.fetchTitle': 'Een statuslijst ophalen',
  'verifier.status.address': 'Adres van de statuslijst',
  'verifier.status.fetch': 'Ophalen',
  'verifier.status.fetching': 'Bezig met ophalen…',
  'verifier.status.noFile': 'Kies een bestand met een statuslijst of plak er een.',
  'verifier.status.stored': 'De statuslijst voor {uri} is bewaard.',
  'verifier.status.malformed': 'Dit is geen statuslijst die de balie kan lezen.',
  'verifier.status.badSignature': 'De handtekening van deze statuslijst klopt niet.',
  'verifier.status.expired': 'Deze statuslijst is verlopen.',
  'verifier.status.wrongUri': 'De lijst op dit adres zegt dat ze bij een ander adres hoort.',
  'verifier.status.older': 'De balie heeft al een recentere kopie van deze statuslijst.',
  'verifier.status.unreachable':
    'De statuslijst kon niet opgehaald worden. Controleer de verbinding of importeer het bestand.',
  'verifier.status.noUri': 'Dit bewijsstuk zegt niet waar zijn statuslijst staat.',

  'verifier.history.title': 'Geschiedenis',
  'verifier.history.intro':
    'Elk antwoord dat hier gecontroleerd is, versleuteld bewaard op dit apparaat: wanneer, waarvoor, het oordeel en welke gegevens getoond werden (niet hun waarden).',
  'verifier.history.empty': 'Nog geen antwoorden gecontroleerd.',
  'verifier.history.when': 'Wanneer',
  'verifier.history.verdict': 'Oordeel',
  'verifier.history.purpose': 'Doel',
  'verifier.history.what': 'Bewijsstuk en gegevens',
  'verifier.history.reasons': 'Redenen',
  'verifier.history.benefit': 'Toets op de regeling',
  'verifier.history.clear': 'Geschiedenis wissen',
  'verifier.history.clearTitle': 'De geschiedenis wissen?',
  'verifier.history.clearBody':
    'Alle gegevens over gecontroleerde antwoorden worden van deze balie verwijderd.',
  'verifier.history.clearConfirm': 'Geschiedenis wissen',

  'verifier.policy.title': 'Statusbeleid',
  'verifier.policy.when': 'Wanneer een statuslijst verouderd is of niet opgehaald kan worden',
  'verifier.policy.reject': 'Weigeren: het antwoord is niet geldig',
  'verifier.policy.warn': 'Waarschuwen: het antwoord kan geldig zijn, met een waarschuwing',
  'verifier.policy.maxAge': 'Maximale leeftijd van een statuslijst (uren)',
  'verifier.policy.maxAgeHint': 'Oudere kopieën gelden als verouderd. Standaard: 24 uur.',
  'verifier.policy.save': 'Beleid bewaren',
  'verifier.policy.saved': 'Het beleid is bewaard.',
  'verifier.policy.invalid': 'Vul een maximale leeftijd in tussen 1 uur en een jaar.',

  'verifier.settings.profile': 'Deze balie',
  'verifier.settings.did': 'DID van de verificateur',
  'verifier.settings.clientId': 'Client-identificatie (waarvoor wallets ondertekenen)',
  'verifier.erase.title': 'Deze balie wissen',
  'verifier.erase.body':
    'Verwijdert de sleutel van de verificateur, de vertrouwenslijsten, de statuslijsten en de geschiedenis van dit apparaat. Verzoeken die al getoond zijn, kunnen niet meer gecontroleerd worden.',
  'verifier.erase.button': 'Verificatiebalie wissen',
  'verifier.erase.confirmTitle': 'De verificatiebalie wissen?',

  // issue 10: W3C VC-JWT
  'verifier.format.dc+sd-jwt': 'SD-JWT VC (selectief tonen)',
  'verifier.format.jwt_vc_json': 'W3C VC-JWT',
  'verifier.verdict.format': 'Formaat: {format}.',
  'verifier.pass.disclosures.w3c': 'Geen selectief tonen: elk gegeven werd getoond.',
  'verifier.trust.own.otherTypes': 'Andere soorten bewijsstukken (W3C)',
  'verifier.trust.own.otherTypesHint':
    'Voor W3C-bewijsstukken van andere uitgevers: de soort zoals het bewijsstuk die noemt, bv. VerifiableDiploma. Scheid er meerdere met spaties. Een soort die hierboven is aangevinkt, geldt ook voor haar W3C VC-JWT-vorm.',
  'verifier.trust.own.invalidType':
    'Een soort bewijsstuk is één woord zonder spaties, bv. VerifiableDiploma.',
  'verifier.trust.w3cType': '{type} (W3C-soort)',
  'verifier.request.formats': 'Aanvaard in elk van beide formaten: {formats}.',
  'verifier.status.bitstring': '(W3C Bitstring Status List)',
};
