"""The Welsh of the service's fixed messages, by their English text (see
:mod:`gwella.core.messages_cy`, which also holds the messages with values put in)."""

from __future__ import annotations

NOT_VISIBLE = "Ni allwch weld unrhyw {} â'r dynodwr hwnnw."

EXACT: dict[str, str] = {
    # ------------------------------------------------------------ nothing visible by that id
    "No user with that id is visible to you.": NOT_VISIBLE.format("ddefnyddiwr"),
    "No API client with that id is visible to you.": NOT_VISIBLE.format("gleient API"),
    "No invitation with that id is visible to you.": NOT_VISIBLE.format("wahoddiad"),
    "No action with that id is visible to you.": NOT_VISIBLE.format("gam gwella"),
    "No PDSA cycle with that id is visible to you.": NOT_VISIBLE.format("gylch PDSA"),
    "No audit event with that id is visible to you.": NOT_VISIBLE.format("ddigwyddiad archwilio"),
    "No campaign with that id is visible to you.": NOT_VISIBLE.format("ymgyrch"),
    "No import with that id is visible to you.": NOT_VISIBLE.format("fewnforio"),
    "No annotation with that id is visible to you.": NOT_VISIBLE.format("nodyn"),
    "No indicator with that id is visible to you.": NOT_VISIBLE.format("ddangosydd"),
    "No contribution with that id is visible to you.": NOT_VISIBLE.format("gyfraniad"),
    "No instrument with that id is visible to you.": NOT_VISIBLE.format("arolwg"),
    "No instrument version with that id is visible to you.": NOT_VISIBLE.format("fersiwn o arolwg"),
    "No organisation with that id is visible to you.": NOT_VISIBLE.format("sefydliad"),
    "No service with that id is visible to you.": NOT_VISIBLE.format("wasanaeth"),
    "No partnership with that id is visible to you.": NOT_VISIBLE.format("bartneriaeth"),
    "No webhook subscription with that id is visible to you.": NOT_VISIBLE.format(
        "danysgrifiad bachyn gwe"
    ),
    "No webhook delivery with that id is visible to you.": NOT_VISIBLE.format(
        "anfoniad bachyn gwe"
    ),
    "No free-text answer with that id is visible to you.": NOT_VISIBLE.format("ateb testun rhydd"),
    "No response with that id is visible to you.": NOT_VISIBLE.format("ymateb"),
    "No notification with that id is yours.": "Nid oes hysbysiad â'r dynodwr hwnnw i chi.",
    "No standard with that id.": "Nid oes safon â'r dynodwr hwnnw.",
    "No batch of access codes with that id in this campaign.": (
        "Nid oes swp o godau mynediad â'r dynodwr hwnnw yn yr ymgyrch hon."
    ),
    "No such membership in this organisation.": "Nid oes aelodaeth o'r fath yn y sefydliad hwn.",
    "There is nothing at this address.": "Nid oes dim byd yn y cyfeiriad hwn.",
    # ------------------------------------------------------------------ accounts and sign-in
    "This API client has been revoked; create a new one.": (
        "Mae'r cleient API hwn wedi'i ddiddymu; crëwch un newydd."
    ),
    "A pending invitation for this person and role already exists.": (
        "Mae gwahoddiad yn aros eisoes ar gyfer y person hwn a'r rôl hon."
    ),
    "This invitation link is not valid. Ask for a new one.": (
        "Nid yw'r ddolen wahodd hon yn ddilys. Gofynnwch am un newydd."
    ),
    "Choose a password for your new account.": "Dewiswch gyfrinair ar gyfer eich cyfrif newydd.",
    "Choose a stronger password.": "Dewiswch gyfrinair cryfach.",
    "The current password is not right.": "Nid yw'r cyfrinair presennol yn gywir.",
    "not right": "nid yw'n gywir",
    "The token is invalid, expired or revoked. Sign in again.": (
        "Mae'r tocyn yn annilys, wedi dod i ben neu wedi'i ddiddymu. Mewngofnodwch eto."
    ),
    "This account is not active.": "Nid yw'r cyfrif hwn yn weithredol.",
    "Too many failed sign-ins from here. Wait and try again.": (
        "Gormod o ymdrechion i fewngofnodi wedi methu o'r fan hon. Arhoswch a rhowch gynnig "
        "arall arni."
    ),
    "An account with that email already exists.": (
        "Mae cyfrif gyda'r cyfeiriad e-bost hwnnw'n bodoli eisoes."
    ),
    "You cannot deactivate your own account.": "Ni allwch ddadactifadu eich cyfrif eich hun.",
    "You cannot remove your own platform administration.": (
        "Ni allwch ddileu eich rôl eich hun fel gweinyddwr y platfform."
    ),
    "That person already has this role in this organisation.": (
        "Mae gan y person hwnnw'r rôl hon yn y sefydliad hwn eisoes."
    ),
    "This is the organisation's last administrator; appoint another first.": (
        "Dyma weinyddwr olaf y sefydliad; penodwch un arall yn gyntaf."
    ),
    "no such user": "nid oes defnyddiwr o'r fath",
    "required": "mae angen hwn",
    "This operation is for partner systems: use an API client's token.": (
        "Mae'r weithred hon ar gyfer systemau partner: defnyddiwch docyn cleient API."
    ),
    "Only platform administrators can do this.": ("Dim ond gweinyddwyr y platfform all wneud hyn."),
    # -------------------------------------------------------------------- improvement actions
    "The due date has passed: choose today or a later day.": (
        "Mae'r dyddiad dyledus wedi mynd heibio: dewiswch heddiw neu ddiwrnod diweddarach."
    ),
    "no such published comment": "nid oes sylw cyhoeddedig o'r fath",
    "the owner must be a member of that organisation": (
        "rhaid i'r perchennog fod yn aelod o'r sefydliad hwnnw"
    ),
    "no such standard": "nid oes safon o'r fath",
    "no such campaign visible to you": "ni allwch weld ymgyrch o'r fath",
    "no such indicator visible to you": "ni allwch weld dangosydd o'r fath",
    "not a service of that organisation": "nid yw'n un o wasanaethau'r sefydliad hwnnw",
    "not a question of that campaign": "nid yw'n un o gwestiynau'r ymgyrch honno",
    "no such service": "nid oes gwasanaeth o'r fath",
    "You already support this action (one support per person).": (
        "Rydych chi'n cefnogi'r cam gwella hwn eisoes (un gefnogaeth i bob person)."
    ),
    "You do not support this action.": "Nid ydych chi'n cefnogi'r cam gwella hwn.",
    "That organisation has no part in this action.": (
        "Nid oes gan y sefydliad hwnnw ran yn y cam gwella hwn."
    ),
    "record the stages in order: plan, do, study, act": (
        "cofnodwch y camau yn eu trefn: cynllunio, gwneud, astudio, gweithredu"
    ),
    "an abandoned change has no next cycle": "nid oes cylch nesaf i newid a roddwyd o'r neilltu",
    "record at least the next stage": "cofnodwch o leiaf y cam nesaf",
    "cannot be null": "ni all hwn fod yn wag",
    "cannot be before the previous stage": "ni all hwn fod cyn y cam blaenorol",
    "adopt, adapt or abandon": "mabwysiadu, addasu neu roi o'r neilltu",
    "Your organisation reports progress once it has accepted its part.": (
        "Mae eich sefydliad yn adrodd ar gynnydd ar ôl iddo dderbyn ei ran."
    ),
    "not a member organisation of the partnership": "nid yw'n un o sefydliadau'r bartneriaeth",
    "The action already has a lead organisation; there is exactly one.": (
        "Mae gan y cam gwella sefydliad arweiniol eisoes; un yn union sydd."
    ),
    "say why you decline": "dywedwch pam rydych chi'n gwrthod",
    "Declining needs a reason.": "Mae angen rheswm i wrthod.",
    "That organisation already has a part in this action.": (
        "Mae gan y sefydliad hwnnw ran yn y cam gwella hwn eisoes."
    ),
    "The period ends before it starts.": "Mae'r cyfnod yn dod i ben cyn iddo ddechrau.",
    "on or after period_start": "ar neu ar ôl period_start",
    "write it in English or Welsh (or both)": (
        "ysgrifennwch ef yn Gymraeg neu'n Saesneg (neu'r ddwy)"
    ),
    "exactly one lead organisation": "un sefydliad arweiniol yn union",
    "named twice": "wedi'i enwi ddwywaith",
    "a public reason is required": "mae angen rheswm cyhoeddus",
    "Say publicly why the action is not taken forward.": (
        "Dywedwch yn gyhoeddus pam nad yw'r cam gwella'n cael ei fwrw ymlaen."
    ),
    "A service user's proposal is closed only with a written, public reason.": (
        "Dim ond gyda rheswm ysgrifenedig, cyhoeddus y caiff cynnig defnyddiwr gwasanaeth ei gau."
    ),
    "only for not_taken_forward or completed": ("dim ond ar gyfer not_taken_forward neu completed"),
    "An action is agreed only once its lead organisation has accepted the lead part.": (
        "Dim ond ar ôl i'w sefydliad arweiniol dderbyn y rhan arweiniol y caiff cam gwella ei "
        "gytuno."
    ),
    # ------------------------------------------------------------------------------ campaigns
    "These codes were revoked already.": "Mae'r codau hyn wedi'u diddymu eisoes.",
    "That service is not part of this campaign.": (
        "Nid yw'r gwasanaeth hwnnw'n rhan o'r ymgyrch hon."
    ),
    "This campaign has closed; it takes no more responses.": (
        "Mae'r ymgyrch hon wedi cau; nid yw'n derbyn rhagor o ymatebion."
    ),
    "name it in English or Welsh (or both)": "enwch hi yn Gymraeg neu'n Saesneg (neu'r ddwy)",
    "This survey link is not valid. Check it, or ask for a new one.": (
        "Nid yw'r ddolen arolwg hon yn ddilys. Gwiriwch hi, neu gofynnwch am un newydd."
    ),
    "closes_at must be after opens_at.": "Rhaid i closes_at fod ar ôl opens_at.",
    "Campaigns run published versions only; publish this version first.": (
        "Dim ond fersiynau cyhoeddedig y mae ymgyrchoedd yn eu defnyddio; cyhoeddwch y fersiwn "
        "hon yn gyntaf."
    ),
    "The instrument is not written in every language asked for.": (
        "Nid yw'r arolwg wedi'i ysgrifennu ym mhob iaith y gofynnwyd amdani."
    ),
    "Some services cannot take part.": "Ni all rhai gwasanaethau gymryd rhan.",
    "This campaign has closed; start a new one.": (
        "Mae'r ymgyrch hon wedi cau; dechreuwch un newydd."
    ),
    "The campaign is already open; its opening time is history now.": (
        "Mae'r ymgyrch ar agor eisoes; mae ei hamser agor wedi mynd heibio."
    ),
    "The minimum cell size is fixed once responses may have arrived.": (
        "Ni ellir newid y maint cell lleiaf unwaith y gallai ymatebion fod wedi cyrraedd."
    ),
    "Name the campaign in English or Welsh (or both).": (
        "Enwch yr ymgyrch yn Gymraeg neu'n Saesneg (neu'r ddwy)."
    ),
    "This campaign has already closed.": "Mae'r ymgyrch hon wedi cau eisoes.",
    "a service of this organisation or of its partners": (
        "gwasanaeth gan y sefydliad hwn neu gan ei bartneriaid"
    ),
    "before the opening": "cyn yr agor",
    "not a language of it": "nid yw'n un o'i ieithoedd",
    "name it in English or Welsh": "enwch hi yn Gymraeg neu'n Saesneg",
    # ---------------------------------------------------------------------- core and paging
    "The cursor is not one this server issued.": (
        "Nid yw'r cyrchwr yn un a roddodd y gweinydd hwn."
    ),
    "Some fields cannot be set to null.": "Ni ellir gwagio rhai meysydd.",
    "give the time's offset (Z or +hh:mm)": "rhowch wrthbwyso'r amser (Z neu +hh:mm)",
    "outside the calendar (years 1 to 9999) in UTC": (
        "y tu allan i'r calendr (blynyddoedd 1 i 9999) yn UTC"
    ),
    "This cursor was made for another sort order; start again.": (
        "Gwnaed y cyrchwr hwn ar gyfer trefn arall; dechreuwch eto."
    ),
    "Input should be a number": "Rhaid i hwn fod yn rhif",
    "Input should be a whole number": "Rhaid i hwn fod yn rhif cyfan",
    "Input should be a date as YYYY-MM-DD": "Rhaid i hwn fod yn ddyddiad ar ffurf BBBB-MM-DD",
    "Input should be a date and time as RFC 3339 text": (
        "Rhaid i hwn fod yn ddyddiad ac amser ar ffurf RFC 3339"
    ),
    "Input should be true or false": "Rhaid i hwn fod yn wir neu'n anwir",
    "text must not contain NUL characters": "rhaid i'r testun beidio â chynnwys nodau NUL",
    "Something went wrong on our side; nothing was changed.": (
        "Aeth rhywbeth o'i le ar ein hochr ni; ni newidiwyd dim."
    ),
    "Someone changed this record at the same moment; read it again.": (
        "Newidiodd rhywun y cofnod hwn ar yr un pryd; darllenwch ef eto."
    ),
    "This conflicts with an existing record (a duplicate or a reference).": (
        "Mae hyn yn gwrthdaro â chofnod sy'n bodoli eisoes (dyblygiad neu gyfeiriad)."
    ),
    "The database is not reachable; nothing was changed.": (
        "Nid oes modd cyrraedd y gronfa ddata; ni newidiwyd dim."
    ),
    "The server is restarting; open the live stream again in a moment.": (
        "Mae'r gweinydd yn ailgychwyn; agorwch y ffrwd fyw eto mewn munud."
    ),
    "Give either cursor or changed_since, not both.": (
        "Rhowch naill ai cursor neu changed_since, nid y ddau."
    ),
    "not with cursor": "nid gyda cursor",
    # ------------------------------------------------------------------------------- imports
    "unsupported charset": "set nodau heb ei chefnogi",
    "charset=utf-8": "charset=utf-8",
    "line ends": "diwedd llinellau",
    "not UTF-8": "nid UTF-8",
    "unknown encoding": "amgodiad anhysbys",
    "Say which organisation's data this is.": "Dywedwch pa sefydliad biau'r data hwn.",
    "You need to be staff, a manager or an administrator there to import.": (
        "Mae angen i chi fod yn aelod o staff, yn rheolwr neu'n weinyddwr yno i fewnforio."
    ),
    "Say whether the file is csv, ndjson or fhir.": (
        "Dywedwch ai csv, ndjson neu fhir yw'r ffeil."
    ),
    "FHIR Bundle files carry responses.": "Mae ffeiliau Bundle FHIR yn cario ymatebion.",
    "Only CSV imports give their refused rows back as a file; see errors_url for the refused "
    "lines or entries of this import.": (
        "Dim ond mewnforion CSV sy'n rhoi eu rhesi a wrthodwyd yn ôl fel ffeil; gweler "
        "errors_url am linellau neu gofnodion y mewnforio hwn a wrthodwyd."
    ),
    "The refused rows' cells are removed a day after the import ended; errors_url still lists "
    "the problems by row number.": (
        "Caiff celloedd y rhesi a wrthodwyd eu dileu ddiwrnod ar ôl i'r mewnforio ddod i ben; "
        "mae errors_url yn dal i restru'r problemau fesul rhif rhes."
    ),
    "Say which campaign the responses belong to.": (
        "Dywedwch i ba ymgyrch y mae'r ymatebion yn perthyn."
    ),
    "responses": "ymatebion",
    "The form has no file: send it as the part named 'file'.": (
        "Nid oes ffeil yn y ffurflen: anfonwch hi fel y rhan o'r enw 'file'."
    ),
    "A multipart form needs its boundary in the Content-Type.": (
        "Mae angen ffin ffurflen amlran yn y Content-Type."
    ),
    "The form ends before its file does.": "Mae'r ffurflen yn dod i ben cyn diwedd ei ffeil.",
    "boundary missing": "y ffin ar goll",
    "truncated": "wedi'i thorri'n fyr",
    "malformed multipart": "ffurflen amlran wallus",
    # ---------------------------------------------------------------------------- indicators
    "Some of what you sent is not valid; see errors for each field.": (
        "Nid yw rhywfaint o'r hyn a anfonoch yn ddilys; gweler y gwallau ar gyfer pob maes."
    ),
    "That service is not one of the organisation's.": (
        "Nid yw'r gwasanaeth hwnnw'n un o wasanaethau'r sefydliad."
    ),
    "An annotation cannot be dated in the future: choose today or an earlier day.": (
        "Ni all nodyn gael dyddiad yn y dyfodol: dewiswch heddiw neu ddiwrnod cynharach."
    ),
    "Only the person who wrote an annotation can change or remove it.": (
        "Dim ond y person a ysgrifennodd nodyn all ei newid neu ei ddileu."
    ),
    # ------------------------------------------------------------- instruments and co-design
    "Only question suggestions carry a proposed question.": (
        "Dim ond awgrymiadau cwestiwn sy'n cynnwys cwestiwn arfaethedig."
    ),
    "Suggestions are voted on; comments are not.": (
        "Pleidleisir ar awgrymiadau; ni phleidleisir ar sylwadau."
    ),
    "You have already voted for this suggestion.": (
        "Rydych chi wedi pleidleisio dros yr awgrym hwn eisoes."
    ),
    "You have not voted for this suggestion.": "Nid ydych chi wedi pleidleisio dros yr awgrym hwn.",
    "Comments are read and answered, not accepted; edit the question instead.": (
        "Caiff sylwadau eu darllen a'u hateb, nid eu derbyn; golygwch y cwestiwn yn lle hynny."
    ),
    "Give the question this suggestion becomes.": ("Rhowch y cwestiwn a ddaw o'r awgrym hwn."),
    "Comments are not declined; answer them in a comment of your own.": (
        "Ni chaiff sylwadau eu gwrthod; atebwch nhw mewn sylw gennych chi."
    ),
    "A comment is on one of the draft's questions.": (
        "Mae sylw yn ymwneud ag un o gwestiynau'r drafft."
    ),
    "Only comments name a question.": "Dim ond sylwadau sy'n enwi cwestiwn.",
    "only for questions": "dim ond ar gyfer cwestiynau",
    "required for this suggestion": "mae angen hwn ar gyfer yr awgrym hwn",
    "no such question": "nid oes cwestiwn o'r fath",
    "only for comments": "dim ond ar gyfer sylwadau",
    "missing in this language": "ar goll yn yr iaith hon",
    "a Likert question has exactly 5 points": "mae gan gwestiwn Likert 5 pwynt yn union",
    "option values must be unique": "rhaid i werthoedd yr opsiynau fod yn unigryw",
    "min is larger than max": "mae min yn fwy na max",
    "only number questions have min and max": "dim ond cwestiynau rhif sydd â min a max",
    "a free-text question needs a max_length": "mae angen max_length ar gwestiwn testun rhydd",
    "only free-text questions have max_length": "dim ond cwestiynau testun rhydd sydd â max_length",
    "a condition can refer only to an earlier question": (
        "dim ond at gwestiwn cynharach y gall amod gyfeirio"
    ),
    "conditions can refer only to questions with fixed answers": (
        "dim ond at gwestiynau ag atebion penodol y gall amodau gyfeirio"
    ),
    "a choice question needs at least 2 options": "mae angen o leiaf 2 opsiwn ar gwestiwn dewis",
    "a number from -1e15 to 1e15": "rhif o -1e15 i 1e15",
    "Add at least one question before asking for review.": (
        "Ychwanegwch o leiaf un cwestiwn cyn gofyn am adolygiad."
    ),
    "Reviews are given on a version that is in review.": (
        "Rhoddir adolygiadau ar fersiwn sy'n cael ei hadolygu."
    ),
    "Say what should change.": "Dywedwch beth ddylai newid.",
    "You created or changed this version, so you may not review it: a review must come from "
    "someone who did not write it.": (
        "Chi a greodd neu a newidiodd y fersiwn hon, felly ni chewch ei hadolygu: rhaid i "
        "adolygiad ddod gan rywun na wnaeth ei hysgrifennu."
    ),
    "empty": "gwag",
    "required when asking for changes": "mae angen hwn wrth ofyn am newidiadau",
    "The instrument is not valid yet; see errors.": (
        "Nid yw'r arolwg yn ddilys eto; gweler y gwallau."
    ),
    "Give the title in each language.": "Rhowch y teitl ym mhob iaith.",
    "A published version never changes; start a new draft version to change it.": (
        "Nid yw fersiwn gyhoeddedig byth yn newid; dechreuwch fersiwn ddrafft newydd i'w newid."
    ),
    "This instrument already has a draft version; change that one.": (
        "Mae gan yr arolwg hwn fersiwn ddrafft eisoes; newidiwch honno."
    ),
    "missing": "ar goll",
    # --------------------------------------------------------- organisations and partnerships
    "code and code_scheme are given together or not at all": (
        "rhoddir code a code_scheme gyda'i gilydd neu ddim o gwbl"
    ),
    "code and code_scheme are set together or cleared together.": (
        "Caiff code a code_scheme eu gosod gyda'i gilydd neu eu clirio gyda'i gilydd."
    ),
    "A service cannot sit under itself or one of its own sub-services.": (
        "Ni all gwasanaeth fod o dan ei hun nac o dan un o'i is-wasanaethau ei hun."
    ),
    "The parent must be a service of the same organisation.": (
        "Rhaid i'r rhiant fod yn wasanaeth gan yr un sefydliad."
    ),
    "Address an organisation by its id or as scheme:code, e.g. ods:7A9.": (
        "Cyfeiriwch at sefydliad wrth ei ddynodwr neu fel scheme:code, e.e. ods:7A9."
    ),
    "needs code_scheme": "mae angen code_scheme",
    "would make a cycle": "byddai'n creu cylch",
    "no such service here": "nid oes gwasanaeth o'r fath yma",
    "That person does not lead this partnership.": (
        "Nid yw'r person hwnnw'n arwain y bartneriaeth hon."
    ),
    "Some founding organisations do not exist.": "Nid yw rhai o'r sefydliadau sefydlu'n bodoli.",
    "That organisation is already a member of this partnership.": (
        "Mae'r sefydliad hwnnw'n aelod o'r bartneriaeth hon eisoes."
    ),
    "That organisation is not a current member of this partnership.": (
        "Nid yw'r sefydliad hwnnw'n aelod presennol o'r bartneriaeth hon."
    ),
    "A lead comes from a member organisation.": "Daw arweinydd o un o'r sefydliadau sy'n aelodau.",
    "A lead is an active member of the organisation they come from.": (
        "Mae arweinydd yn aelod gweithredol o'r sefydliad y daw ohono."
    ),
    "That person already leads this partnership.": (
        "Mae'r person hwnnw'n arwain y bartneriaeth hon eisoes."
    ),
    "Not a current member of this partnership.": "Nid yw'n aelod presennol o'r bartneriaeth hon.",
    "Not an active member of that organisation.": "Nid yw'n aelod gweithredol o'r sefydliad hwnnw.",
    # ------------------------------------------------------------------ who may do what
    "Only that organisation's administrators can take it out of a partnership.": (
        "Dim ond gweinyddwyr y sefydliad hwnnw all ei dynnu allan o bartneriaeth."
    ),
    "A lead is appointed by an administrator of their own organisation or by a current lead of "
    "the partnership.": (
        "Caiff arweinydd ei benodi gan weinyddwr ei sefydliad ei hun neu gan un o arweinwyr "
        "presennol y bartneriaeth."
    ),
    "An organisation joins by its own administrators' decision: ask one of them (or a platform "
    "administrator) to add it.": (
        "Mae sefydliad yn ymuno drwy benderfyniad ei weinyddwyr ei hun: gofynnwch i un ohonynt "
        "(neu i weinyddwr y platfform) ei ychwanegu."
    ),
    "Only staff, managers and administrators of its organisation edit it.": (
        "Dim ond staff, rheolwyr a gweinyddwyr ei sefydliad sy'n ei olygu."
    ),
    "Only staff, managers and administrators of its organisation run it.": (
        "Dim ond staff, rheolwyr a gweinyddwyr ei sefydliad sy'n ei chynnal."
    ),
    "Service users and carers of the partnership's organisations support actions.": (
        "Defnyddwyr gwasanaeth a gofalwyr sefydliadau'r bartneriaeth sy'n cefnogi camau gwella."
    ),
    "Only that organisation's administrators and managers answer for its part.": (
        "Dim ond gweinyddwyr a rheolwyr y sefydliad hwnnw sy'n ateb dros ei ran."
    ),
    "You work in several responsible organisations: give organisation_id.": (
        "Rydych chi'n gweithio mewn sawl sefydliad cyfrifol: rhowch organisation_id."
    ),
    "Only administrators of a member organisation can change a partnership.": (
        "Dim ond gweinyddwyr un o'r sefydliadau sy'n aelodau all newid partneriaeth."
    ),
    "To create a partnership, include an organisation you administer.": (
        "I greu partneriaeth, cynhwyswch sefydliad rydych chi'n ei weinyddu."
    ),
    "You can only bring in organisations you administer; ask a platform administrator, or an "
    "administrator of the other organisation, to add it.": (
        "Dim ond sefydliadau rydych chi'n eu gweinyddu y gallwch eu cynnwys; gofynnwch i "
        "weinyddwr y platfform, neu i weinyddwr y sefydliad arall, ei ychwanegu."
    ),
    "Only the organisation's administrators manage its webhooks.": (
        "Dim ond gweinyddwyr y sefydliad sy'n rheoli ei fachau gwe."
    ),
    "You write updates only for a responsible organisation you work in.": (
        "Dim ond ar ran sefydliad cyfrifol rydych chi'n gweithio ynddo y byddwch yn ysgrifennu "
        "diweddariadau."
    ),
    "Progress updates are written by staff of an organisation that accepted its part.": (
        "Staff sefydliad sydd wedi derbyn ei ran sy'n ysgrifennu diweddariadau cynnydd."
    ),
    # ----------------------------------------------------------------- responses and results
    "Some of these responses are not held in your services in this campaign.": (
        "Nid yw rhai o'r ymatebion hyn yn cael eu cadw yn eich gwasanaethau chi yn yr ymgyrch hon."
    ),
    "Raw responses are for staff of the services they came from; see the results instead.": (
        "Mae ymatebion crai ar gyfer staff y gwasanaethau y daethant ohonynt; edrychwch ar y "
        "canlyniadau yn lle hynny."
    ),
    "That service is not one of yours in this campaign.": (
        "Nid yw'r gwasanaeth hwnnw'n un o'ch rhai chi yn yr ymgyrch hon."
    ),
    "An answer is text, a number, a list of option values, or null": (
        "Mae ateb yn destun, yn rhif, yn rhestr o werthoedd opsiynau, neu'n wag"
    ),
    "Too many submissions from your connection. Wait a few minutes and try again.": (
        "Gormod o gyflwyniadau o'ch cysylltiad. Arhoswch ychydig funudau a rhowch gynnig arall "
        "arni."
    ),
    "not offered": "nid yw'n cael ei chynnig",
    "Answer at least one question: a response with no answers is not stored.": (
        "Atebwch o leiaf un cwestiwn: nid yw ymateb heb atebion yn cael ei gadw."
    ),
    "this survey names its respondents: consent and a reference are needed": (
        "mae'r arolwg hwn yn enwi'r rhai sy'n ateb: mae angen caniatâd a chyfeirnod"
    ),
    "this survey is anonymous": "mae'r arolwg hwn yn ddienw",
    "Another request stored or retracted some of these items at the same moment; retry.": (
        "Cadwodd neu tynnodd cais arall rai o'r eitemau hyn yn ôl ar yr un pryd; rhowch gynnig "
        "arall arni."
    ),
    "this question is not shown for your earlier answers": (
        "nid yw'r cwestiwn hwn yn cael ei ddangos ar gyfer eich atebion cynharach"
    ),
    "That service is not one of this campaign's that you can see.": (
        "Nid yw'r gwasanaeth hwnnw'n un o wasanaethau'r ymgyrch hon y gallwch eu gweld."
    ),
    "The form was filled in outside the campaign's window.": (
        "Llenwyd y ffurflen y tu allan i gyfnod yr ymgyrch."
    ),
    "Some answers need another look; see errors for each question.": (
        "Mae angen edrych eto ar rai atebion; gweler y gwallau ar gyfer pob cwestiwn."
    ),
    "outside the window": "y tu allan i'r cyfnod",
    # An answer's checks (responses.validation), read beside the question on the survey.
    "give a list of options": "rhowch restr o opsiynau",
    "an option is chosen twice": "mae opsiwn wedi'i ddewis ddwywaith",
    "a whole number from 0 to 10": "rhif cyfan o 0 i 10",
    "a number": "rhif",
    "a date (YYYY-MM-DD)": "dyddiad (BBBB-MM-DD)",
    "text": "testun",
    "text without NUL characters": "testun heb nodau NUL",
    # ------------------------------------------------------------------------------ webhooks
    "Say which organisation's events to subscribe to.": (
        "Dywedwch i ddigwyddiadau pa sefydliad rydych chi am danysgrifio."
    ),
    "The URL cannot receive webhooks.": "Ni all yr URL dderbyn bachau gwe.",
    "A worker is sending this delivery right now; look again in a moment.": (
        "Mae gweithiwr yn anfon hwn ar hyn o bryd; edrychwch eto mewn munud."
    ),
    # ------------------------------------------------------------ what stops publication
    "given by someone who created or changed this version": (
        "gan rywun a greodd neu a newidiodd y fersiwn hon"
    ),
    "given outside the organisations the draft was opened to for co-design": (
        "y tu allan i'r sefydliadau yr agorwyd y drafft iddynt ar gyfer cyd-ddylunio"
    ),
    "given on an earlier revision of the content": "ar adolygiad cynharach o'r cynnwys",
    "the draft was not opened to any organisation other than its owner for co-design, and only "
    "their members' approvals count": (
        "nid yw'r drafft wedi'i agor i unrhyw sefydliad heblaw ei berchennog ar gyfer "
        "cyd-ddylunio, a dim ond cymeradwyaeth eu haelodau nhw sy'n cyfrif"
    ),
}
"""Fixed messages: English text → Welsh."""
