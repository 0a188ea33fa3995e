"""The Welsh of the service's own messages: what a rule says when it refuses something.

Every message raised for people in ``backend/gwella`` (a problem's detail, a field message, a
validator's words) has its Welsh here, found by its English text: :data:`EXACT` for fixed
texts, :data:`TEMPLATES` for texts with values put in (a status, a number, a code). Values
that are words (statuses, roles) are translated through :mod:`gwella.core.vocabulary`.
:data:`PARTNER_ONLY` lists the messages left in English on purpose: only a partner system,
an operator or Gwella's own code meets them. ``tests/test_welsh_messages.py`` walks the source
and fails on a message in none of these.

Terms follow the web app's ``cy.json``: arolwg (survey, and an instrument, as the web app
calls it), ymgyrch (campaign), cam gwella (improvement action), sefydliad, partneriaeth,
dangosydd, drafft, adolygiad, defnyddiwr gwasanaeth, gofalwr.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from gwella.core.vocabulary import (
    ACTION_STATUS,
    CONTRIBUTION_STATUS,
    INVITATION_STATUS,
    ROLE,
    Vocabulary,
    soft_mutation,
)

_NOT_VISIBLE = "Ni allwch weld unrhyw {} â'r dynodwr hwnnw."

EXACT: dict[str, str] = {
    # ------------------------------------------------------------ nothing visible by that id
    "No user with that id is visible to you.": _NOT_VISIBLE.format("ddefnyddiwr"),
    "No API client with that id is visible to you.": _NOT_VISIBLE.format("gleient API"),
    "No invitation with that id is visible to you.": _NOT_VISIBLE.format("wahoddiad"),
    "No action with that id is visible to you.": _NOT_VISIBLE.format("gam gwella"),
    "No PDSA cycle with that id is visible to you.": _NOT_VISIBLE.format("gylch PDSA"),
    "No audit event with that id is visible to you.": _NOT_VISIBLE.format("ddigwyddiad archwilio"),
    "No campaign with that id is visible to you.": _NOT_VISIBLE.format("ymgyrch"),
    "No import with that id is visible to you.": _NOT_VISIBLE.format("fewnforio"),
    "No annotation with that id is visible to you.": _NOT_VISIBLE.format("nodyn"),
    "No indicator with that id is visible to you.": _NOT_VISIBLE.format("ddangosydd"),
    "No contribution with that id is visible to you.": _NOT_VISIBLE.format("gyfraniad"),
    "No instrument with that id is visible to you.": _NOT_VISIBLE.format("arolwg"),
    "No instrument version with that id is visible to you.": _NOT_VISIBLE.format(
        "fersiwn o arolwg"
    ),
    "No organisation with that id is visible to you.": _NOT_VISIBLE.format("sefydliad"),
    "No service with that id is visible to you.": _NOT_VISIBLE.format("wasanaeth"),
    "No partnership with that id is visible to you.": _NOT_VISIBLE.format("bartneriaeth"),
    "No webhook subscription with that id is visible to you.": _NOT_VISIBLE.format(
        "danysgrifiad bachyn gwe"
    ),
    "No webhook delivery with that id is visible to you.": _NOT_VISIBLE.format(
        "anfoniad bachyn gwe"
    ),
    "No free-text answer with that id is visible to you.": _NOT_VISIBLE.format("ateb testun rhydd"),
    "No response with that id is visible to you.": _NOT_VISIBLE.format("ymateb"),
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
    "only for not_taken_forward": "dim ond ar gyfer not_taken_forward",
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


PARTNER_ONLY: dict[str, str] = {
    # Met only by a partner system (an API client's token): partners read English.
    "This API client has been revoked.": "an API client's token",
    "API clients cannot use this operation.": "an API client's token",
    "This client was not granted: {}.": "an API client asking for scopes",
    "This operation needs the scope {}.": "an API client's scopes",
    "Importing {} needs the scope {}.": "an API client's scopes",
    "An API client subscribes its own organisation only.": "an API client's webhooks",
    "No campaign with that id is visible to this client.": "a partner's push (ingest)",
    "This campaign does not take responses pushed by partner systems.": "a partner's push",
    "{} items; send at most {} per request.": "a partner's push (ingest)",
    "If-Match must hold the entity tag you read, in double quotes as the ETag header gave it "
    "(such as {}).": "a client's If-Match header (the web app sends the ETag it read)",
    "If-Match compares entity tags strongly; a weak tag (W/...) never matches. Send the ETag "
    "as this server gave it: {}.": "a client's If-Match header",
    "If-Match compares entity tags strongly; a weak tag (W/...) never matches. Read the record "
    "again and send its ETag.": "a client's If-Match header",
    "Cannot sort by {}.": "a client's sort parameter (the web app sends only valid sorts)",
    "not {}": "a client's RFC 3339 text or file encoding (the web app sends valid times)",
    "required for {}": "a client's Content-Type for an import (the web app sends it)",
    "The multipart form cannot be read: {}": "a client's malformed upload (a parser's words)",
    # Met only by an operator (settings at start-up, health probes, a missing build).
    "The database is not reachable.": "the health probe, read by operators' monitoring",
    "The web app is not built; run `make run` (or `make frontend`).": "an operator's build",
    "The API documentation page comes with the web app, which is not built; run `make run` "
    "(or `make frontend`). The spec itself is at {}.": "an operator's build",
    # Gwella's own code: invariants that a programming error breaks, never a person's input.
    "not a change mark": "internal: caught and answered as an invalid cursor",
    "a NUL character": "internal: caught and answered as an invalid cursor",
    "naive datetimes are not stored; give a timezone": "internal: a programming error",
    "payload organisation_id differs from the event's organisation": "internal: webhook events",
    "a {} event's record is the {} its {} names, not {} {}": "internal: webhook events",
    "the {} payload does not match its schema: {}": "internal: webhook events",
}
"""Messages left in English, by their text (an f-string's values as ``{}``), with the reason."""

PARTNER_ONLY_MODULES: dict[str, str] = {
    "core/config.py": "an operator's settings, checked when the server starts",
    "disclosure/ptable.py": "internal: the disclosure settings' invariants",
    "indicators/spc.py": "internal: the SPC functions' arguments",
}
"""Modules whose every message is left in English, with the reason."""


# ------------------------------------------------------------------------------ templates

Translate = Callable[[str], str | None]


def _from(vocabulary: Vocabulary, *, soft: bool = False) -> Translate:
    """A value of an enumeration (its code, or its English words) in Welsh."""

    def translate(value: str) -> str | None:
        for code, words in vocabulary.items():
            if value in (code, words.en):
                return soft_mutation(words.cy) if soft else words.cy
        return None

    return translate


def _table(words: Mapping[str, str]) -> Translate:
    return words.get


def _same(value: str) -> str:
    return value


_STAGES = {"plan": "cynllunio", "do": "gwneud", "study": "astudio", "act": "gweithredu"}

_PART_STATE = {
    "accepted": "derbyn",
    "declined": "gwrthod",
    "pending": "ystyried",
}

# What a person is told they may not do ("… to {doing}"), in Welsh as it reads after "i" or
# "all" (both soften: "i wneud", "all wneud").
DOING_CY = {
    "annotate its charts": "ychwanegu nodiadau at ei siartiau",
    "ask an organisation to take part": "ofyn i sefydliad gymryd rhan",
    "change an organisation's code": "newid cod sefydliad",
    "change it": "ei newid",
    "change its review rule": "newid ei reol adolygu",
    "contribute": "gyfrannu",
    "create API clients for it": "greu cleientiaid API ar ei gyfer",
    "define shared indicators": "ddiffinio dangosyddion a rennir",
    "edit this action": "olygu'r cam gwella hwn",
    "give people roles in it": "roi rolau i bobl ynddo",
    "invite people to it": "wahodd pobl iddo",
    "lift their sign-in throttle": "godi'r cyfyngiad ar eu mewngofnodi",
    "make its access codes": "wneud ei godau mynediad",
    "manage its API clients": "reoli ei gleientiaid API",
    "manage its services": "reoli ei wasanaethau",
    "propose an action in this partnership": "gynnig cam gwella yn y bartneriaeth hon",
    "review": "adolygu",
    "see its members": "weld ei aelodau",
    "see their failed sign-ins": "weld eu hymdrechion aflwyddiannus i fewngofnodi",
    "subscribe it to webhooks": "ei danysgrifio i fachau gwe",
    "take roles away": "dynnu rolau oddi ar bobl",
    "vote": "bleidleisio",
    "withdraw its invitations": "dynnu ei wahoddiadau yn ôl",
}


def _doing(value: str) -> str | None:
    if value in DOING_CY:
        return DOING_CY[value]
    # "make this action {target}": the status an action is moved to.
    match = re.fullmatch(r"make this action (.+)", value)
    if match:
        status = _from(ACTION_STATUS)(match.group(1))
        return f"symud y cam gwella hwn i '{status}'" if status else None
    return None


# "No {what} with that id is visible to you.", softened after "unrhyw".
_WHAT_CY = {
    "API client": "gleient API",
    "annotation": "nodyn",
    "indicator": "ddangosydd",
    "invitation": "wahoddiad",
    "service": "wasanaeth",
    "organisation": "sefydliad",
    "action": "gam gwella",
}


def _roles(value: str) -> str | None:
    """Roles joined by "neu", which softens the word after it ("staff neu reolwr")."""
    words = [_from(ROLE)(r) for r in value.split(" or ")]
    if None in words:
        return None
    return " neu ".join(w if i == 0 else soft_mutation(w) for i, w in enumerate(words) if w)


def _approvals(value: str) -> str:
    """A number of approvals: "cymeradwyaeth" (feminine) softens after 2, and takes the
    aspirate mutation after 6."""
    n = int(value)
    return f"{n} " + {2: "gymeradwyaeth", 6: "chymeradwyaeth"}.get(n, "cymeradwyaeth")


def _statuses(value: str) -> str | None:
    if value == "none (final)":
        return "dim (mae'n derfynol)"
    words = [_from(ACTION_STATUS)(s) for s in value.split(", ")]
    return None if None in words else ", ".join(f"'{w}'" for w in words if w)


# A version's status after "mae'r fersiwn" (a feminine noun; "yn" softens "drafft").
_VERSION_IS = {
    "draft": "yn ddrafft",
    "in_review": "yn cael ei hadolygu",
    "in review": "yn cael ei hadolygu",
    "published": "wedi'i chyhoeddi",
}


def _roles_softened(value: str) -> str | None:
    """Roles after "gan", which softens each of them."""
    words = [_from(ROLE)(r.strip()) for r in value.split(" or ")]
    if None in words:
        return None
    return " neu ".join(soft_mutation(w) for w in words if w)


class Template(NamedTuple):
    """An English message with values put in, as a pattern with named groups, and its Welsh
    as a format string over the same names; ``words`` translates the groups that are words."""

    pattern: re.Pattern[str]
    welsh: str
    words: Mapping[str, Translate]


def _t(english: str, welsh: str, **words: Translate) -> Template:
    return Template(re.compile(english), welsh, words)


_N = r"(?P<n>\d+)"
_IN_PROGRESS = ACTION_STATUS["in_progress"].cy
_ANY = r"(?P<value>.+)"

TEMPLATES: list[Template] = [
    _t(
        r"This invitation has been (?P<status>.+)\. Ask for a new one\.",
        "Mae'r gwahoddiad hwn {status}. Gofynnwch am un newydd.",
        status=_from(INVITATION_STATUS),
    ),
    _t(
        r"This invitation is already (?P<status>.+)\.",
        "Mae'r gwahoddiad hwn {status} eisoes.",
        status=_from(INVITATION_STATUS),
    ),
    _t(
        r"The action is (?P<status>.+); it no longer takes support\.",
        "Mae'r cam gwella {status}; nid yw'n derbyn cefnogaeth mwyach.",
        status=_from(ACTION_STATUS),
    ),
    _t(
        r"PDSA cycles run on agreed or in-progress actions; this one is (?P<status>.+)\.",
        "Mae cylchoedd PDSA yn rhedeg ar gamau gwella sydd wedi'u cytuno neu "
        + _IN_PROGRESS
        + "; mae hwn {status}.",
        status=_from(ACTION_STATUS),
    ),
    _t(
        rf"PDSA cycle {_N} is still open; act on it first\.",
        "Mae cylch PDSA {n} yn dal ar agor; gweithredwch arno yn gyntaf.",
    ),
    _t(
        rf"PDSA cycle {_N} is finished; start a new cycle\.",
        "Mae cylch PDSA {n} wedi gorffen; dechreuwch gylch newydd.",
    ),
    _t(
        r"the (?P<stage>\w+) stage needs its notes and date",
        "mae angen nodiadau a dyddiad ar y cam '{stage}'",
        stage=_table(_STAGES),
    ),
    _t(
        r"The (?P<stage>\w+) stage of this cycle is already recorded\.",
        "Mae'r cam '{stage}' yn y cylch hwn wedi'i gofnodi eisoes.",
        stage=_table(_STAGES),
    ),
    _t(
        r"Progress is reported on agreed or in-progress actions; this one is (?P<status>.+)\.",
        "Adroddir ar gynnydd camau gwella sydd wedi'u cytuno neu "
        + _IN_PROGRESS
        + "; mae hwn {status}.",
        status=_from(ACTION_STATUS),
    ),
    _t(
        r"The action is (?P<status>.+); its organisations are settled\.",
        "Mae'r cam gwella {status}; mae ei sefydliadau wedi'u pennu.",
        status=_from(ACTION_STATUS),
    ),
    _t(
        r"Your organisation has already (?P<state>\w+) its part\.",
        "Mae eich sefydliad wedi {state} ei ran eisoes.",
        state=_table(_PART_STATE),
    ),
    _t(
        r"evidence of kind (?P<kind>\S+) takes exactly: (?P<fields>.+)",
        "mae tystiolaeth o'r math {kind} yn cymryd yn union: {fields}",
    ),
    _t(
        r"Evidence of kind (?P<kind>\S+) takes exactly: (?P<fields>.+)",
        "Mae tystiolaeth o'r math {kind} yn cymryd yn union: {fields}",
    ),
    _t(
        r"The action is (?P<status>.+); it can no longer be edited\.",
        "Mae'r cam gwella {status}; ni ellir ei olygu mwyach.",
        status=_from(ACTION_STATUS),
    ),
    _t(
        r"An action that is (?P<current>.+) cannot become (?P<target>.+); it can next become: "
        r"(?P<nexts>.+)\.",
        "Ni all cam gwella symud o '{current}' i '{target}'; gall symud nesaf i: {nexts}.",
        current=_from(ACTION_STATUS),
        target=_from(ACTION_STATUS),
        nexts=_statuses,
    ),
    _t(r"at least (?P<n>\d+) characters", "o leiaf {n} nod"),
    _t(r"at most (?P<n>\d+) characters", "dim mwy na {n} nod"),
    _t(r"at least (?P<n>\S+)", "o leiaf {n}"),
    _t(r"at most (?P<n>\S+)", "dim mwy na {n}"),
    _t(r"choose one of: (?P<values>.+)", "dewiswch un o: {values}"),
    _t(
        r"not options of this question: (?P<values>.+)",
        "nid ydynt yn opsiynau i'r cwestiwn hwn: {values}",
    ),
    _t(
        rf"The record is at version {_N}; read it again and reapply your change\.",
        "Mae'r cofnod ar fersiwn {n}; darllenwch ef eto a gwnewch eich newid eto.",
    ),
    _t(
        r"Gwella cannot read charset=(?P<charset>\S+)\. It reads (?P<accepted>.+?)\. "
        r"(?P<save>In Excel.+)",
        "Ni all Gwella ddarllen charset={charset}. Mae'n darllen {accepted}. {save}",
        accepted=lambda v: ACCEPTED_CY if v == ACCEPTED_EN else None,
        save=lambda v: SAVE_AS_CY if v == SAVE_AS_EN else None,
    ),
    _t(
        r"NDJSON and FHIR files are JSON, which is UTF-8; charset=(?P<charset>\S+) is not\.",
        "Mae ffeiliau NDJSON a FHIR yn JSON, sydd yn UTF-8; nid yw charset={charset}.",
    ),
    _t(
        r"The file's lines end with a carriage return alone \(the old Macintosh CSV format\), "
        r"so Gwella cannot tell its rows apart\. (?P<save>.+)",
        "Mae llinellau'r ffeil yn gorffen â dychweliad cerbyd yn unig (hen fformat CSV "
        "Macintosh), felly ni all Gwella wahaniaethu rhwng ei rhesi. {save}",
        save=lambda v: SAVE_AS_CY if v == SAVE_AS_EN else None,
    ),
    _t(
        r"The file is UTF-16 \(Excel's “Unicode Text”\), which Gwella does not read\. It reads "
        r"(?P<accepted>.+?)\. (?P<save>In Excel.+)",
        "Mae'r ffeil yn UTF-16 (“Unicode Text” Excel), nad yw Gwella yn ei ddarllen. Mae'n "
        "darllen {accepted}. {save}",
        accepted=lambda v: ACCEPTED_CY if v == ACCEPTED_EN else None,
        save=lambda v: SAVE_AS_CY if v == SAVE_AS_EN else None,
    ),
    _t(
        r"NDJSON and FHIR files are JSON, which must be UTF-8; byte (?P<offset>\S+) "
        r"\(line (?P<line>\S+)\) is not valid UTF-8\.",
        "Mae ffeiliau NDJSON a FHIR yn JSON, y mae'n rhaid iddo fod yn UTF-8; nid yw beit "
        "{offset} (llinell {line}) yn UTF-8 dilys.",
    ),
    _t(
        r"The file is neither UTF-8 nor windows-1252 \(byte (?P<offset>\S+), line (?P<line>\S+), "
        r"is valid in neither\)\. Gwella reads (?P<accepted>.+?); declare another of these in "
        r"the Content-Type's charset\. (?P<save>In Excel.+)",
        "Nid yw'r ffeil yn UTF-8 nac yn windows-1252 (nid yw beit {offset}, llinell {line}, yn "
        "ddilys yn y naill na'r llall). Mae Gwella yn darllen {accepted}; nodwch un arall o'r "
        "rhain yn charset y Content-Type. {save}",
        accepted=lambda v: ACCEPTED_CY if v == ACCEPTED_EN else None,
        save=lambda v: SAVE_AS_CY if v == SAVE_AS_EN else None,
    ),
    _t(
        r"The file is not valid (?P<encoding>\S+): byte (?P<offset>\S+) \(line (?P<line>\S+)\) "
        r"is not\. Gwella reads (?P<accepted>.+?); declare the one the file is in, or save it "
        r"again\. (?P<save>In Excel.+)",
        "Nid yw'r ffeil yn {encoding} dilys: nid yw beit {offset} (llinell {line}). Mae Gwella "
        "yn darllen {accepted}; nodwch yr un y mae'r ffeil ynddo, neu cadwch hi eto. {save}",
        accepted=lambda v: ACCEPTED_CY if v == ACCEPTED_EN else None,
        save=lambda v: SAVE_AS_CY if v == SAVE_AS_EN else None,
    ),
    _t(
        r"The file is larger than (?P<n>\d+) bytes\.",
        "Mae'r ffeil yn fwy na {n} beit.",
    ),
    _t(
        r"An indicator with the code (?P<code>.+) already exists\.",
        "Mae dangosydd gyda'r cod {code} yn bodoli eisoes.",
    ),
    _t(
        r"This suggestion has been (?P<status>\w+)\.",
        "Mae'r awgrym hwn {status}.",
        status=_from(CONTRIBUTION_STATUS),
    ),
    _t(
        r"This contribution has already been (?P<status>\w+)\.",
        "Mae'r cyfraniad hwn {status} eisoes.",
        status=_from(CONTRIBUTION_STATUS),
    ),
    _t(r"the key (?P<key>.+) is used twice", "mae'r allwedd {key} wedi'i defnyddio ddwywaith"),
    _t(r"no section (?P<section>.+)", "nid oes adran {section}"),
    _t(
        r"(?P<value>'[^']*') is reserved; use allow_dont_know",
        "mae {value} wedi'i gadw; defnyddiwch allow_dont_know",
    ),
    _t(r"a (?P<type>\S+) question has no options", "nid oes opsiynau gan gwestiwn {type}"),
    _t(
        r"not answers of that question: (?P<values>.+)",
        "nid ydynt yn atebion i'r cwestiwn hwnnw: {values}",
    ),
    _t(
        r"Only a draft can be sent for review; this one is (?P<status>.+)\.",
        "Dim ond drafft y gellir ei anfon i'w adolygu; mae'r fersiwn hon {status}.",
        status=_table(_VERSION_IS),
    ),
    _t(
        r"This organisation already has an instrument with the code (?P<code>.+)\.",
        "Mae gan y sefydliad hwn arolwg gyda'r cod {code} eisoes.",
    ),
    _t(
        r"Another organisation already has the (?P<scheme>\S+) code (?P<code>.+)\.",
        "Mae gan sefydliad arall y cod {scheme} {code} eisoes.",
    ),
    _t(
        r"Another service of this organisation already has the code (?P<code>.+)\.",
        "Mae gan wasanaeth arall yn y sefydliad hwn y cod {code} eisoes.",
    ),
    _t(
        r"You need a role in the owning or a co-designing organisation to (?P<doing>.+)\.",
        "Mae angen rôl arnoch yn y sefydliad sy'n berchen arno neu mewn sefydliad sy'n "
        "cyd-ddylunio i {doing}.",
        doing=_doing,
    ),
    _t(
        r"Only administrators and managers of the deciding organisation can (?P<doing>.+): see "
        r"the operation's description for who decides\.",
        "Dim ond gweinyddwyr a rheolwyr y sefydliad sy'n penderfynu all {doing}: gweler "
        "disgrifiad y weithred i weld pwy sy'n penderfynu.",
        doing=_doing,
    ),
    _t(
        r"No (?P<what>.+) with that id is visible to you\.",
        _NOT_VISIBLE.format("{what}"),
        what=_table(_WHAT_CY),
    ),
    _t(
        r"You need the role (?P<roles>.+) in this organisation to (?P<doing>.+)\.",
        "Mae angen y rôl {roles} arnoch yn y sefydliad hwn i {doing}.",
        roles=_roles,
        doing=_doing,
    ),
    _t(
        r"Only a platform administrator or an administrator of their organisation can "
        r"(?P<doing>.+)\.",
        "Dim ond gweinyddwr y platfform neu un o weinyddwyr eu sefydliad all {doing}.",
        doing=_doing,
    ),
    _t(
        r"Only platform administrators can (?P<doing>.+)\.",
        "Dim ond gweinyddwyr y platfform all {doing}.",
        doing=_doing,
    ),
    _t(
        r"This campaign does not take (?P<channel>\w+) responses\.",
        "Nid yw'r ymgyrch hon yn derbyn ymatebion {channel}.",
        channel=_table({"web": "ar y we", "paper": "papur", "partner": "gan systemau partner"}),
    ),
    _t(
        r"You already have (?P<held>\d+) live streams open, the most one person may hold "
        r"\((?P<most>\d+)\); close a tab, or try again later\.",
        "Mae gennych {held} ffrwd fyw ar agor eisoes, y nifer fwyaf y caiff un person ei dal "
        "({most}); caewch dab, neu rhowch gynnig arall arni'n nes ymlaen.",
    ),
    _t(
        r"This server already holds (?P<n>\d+) live streams, its most; try again in a moment\.",
        "Mae'r gweinydd hwn yn dal {n} ffrwd fyw eisoes, ei uchafswm; rhowch gynnig arall arni "
        "mewn munud.",
    ),
    # What stops publication: the reasons are translated one by one.
    _t(
        r"Publication is refused: (?P<reasons>.+)\.",
        "Gwrthodir cyhoeddi: {reasons}.",
        reasons=lambda v: _each(v.split("; ")),
    ),
    _t(
        r"the version is (?P<status>\w+), not in review",
        "mae'r fersiwn {status}, nid yn cael ei hadolygu",
        status=_table(_VERSION_IS),
    ),
    _t(
        r"(?P<n>\d+) approvals? from an? (?P<roles>.+) of the organisations the draft was opened "
        r"to (?:is|are) needed",
        "mae angen {n} gan {roles} o'r sefydliadau yr agorwyd y drafft iddynt",
        n=_approvals,
        roles=_roles_softened,
    ),
    _t(r"(?P<n>\d+) so far", "{n} hyd yma"),
    _t(
        r"(?P<n>\d+) approvals? (?:is|are) not counted: (?P<reason>.+)",
        "nid yw {n} yn cyfrif: {reason}",
        n=_approvals,
        reason=lambda v: translate(v),
    ),
    _t(
        r"given as (?P<given>.+), not an? (?P<roles>.+)",
        "fel {given}, nid fel {roles}",
        given=_from(ROLE),
        roles=_roles,
    ),
    _t(r"(?P<n>\d+) reviewers? asked for changes", "gofynnodd {n} adolygydd am newidiadau"),
]
"""Messages with values put in, tried in order after :data:`EXACT`."""


def _each(parts: list[str]) -> str | None:
    welsh = [translate(part) for part in parts]
    return None if None in welsh else "; ".join(w for w in welsh if w)


ACCEPTED_EN = (
    "UTF-8 (with or without a byte order mark; Excel's “CSV UTF-8”), windows-1252 "
    "(Excel's “CSV (Comma delimited)”; iso-8859-1 is read as windows-1252) or iso-8859-15"
)
ACCEPTED_CY = (
    "UTF-8 (gyda marc trefn beitiau neu hebddo; “CSV UTF-8” Excel), windows-1252 "
    "(“CSV (Comma delimited)” Excel; darllenir iso-8859-1 fel windows-1252) neu iso-8859-15"
)
SAVE_AS_EN = "In Excel, choose Save As, then “CSV UTF-8 (Comma delimited)”."
SAVE_AS_CY = "Yn Excel, dewiswch Cadw Fel, yna “CSV UTF-8 (Comma delimited)”."


def translate(english: str) -> str | None:
    """The Welsh of one of the service's messages, or None where there is none."""
    if english in EXACT:
        return EXACT[english]
    # A validator's words arrive with a capital (pydantic's "Value error, " taken off).
    lowered = english[:1].lower() + english[1:]
    if lowered != english and lowered in EXACT:
        welsh = EXACT[lowered]
        return welsh[:1].upper() + welsh[1:]
    for template in TEMPLATES:
        match = template.pattern.fullmatch(english)
        if match is None:
            continue
        values: dict[str, str] = {}
        for name, value in match.groupdict().items():
            words = template.words.get(name, _same)(value)
            if words is None:
                break
            values[name] = words
        else:
            return template.welsh.format(**values)
    return None
