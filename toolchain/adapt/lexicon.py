"""General English vocabulary the rules lean on.

These are closed classes of English (pronouns, speech verbs, honorifics, words
for rooms and times of day), not words picked from any one synopsis: the
adapter must work on films nobody here has read.
"""
from __future__ import annotations

#: Verbs of saying.  Those in SPEECH_CONTENT can carry what was said.
SPEECH_CONTENT = frozenset("""
say tell ask insist explain reply answer add claim remark mention announce agree complain
warn confess suggest shout whisper yell scream mutter murmur wonder inquire enquire beg demand
order urge plead respond repeat argue threaten assure reassure inform remind concede confirm
deny exclaim admit comment promise describe recall recount protest apologize apologise
swear vow joke lie retort snap propose request instruct advise beg
testify declare state maintain boast brag confide proclaim
""".split())
#: Speech acts whose object is a person and which carry no words of their own.
SPEECH_ACTS = frozenset("""
thank greet scold praise compliment congratulate blame accuse criticize criticise berate
insult apologize apologise question interrogate console comfort reassure
""".split())
SPEECH_VERBS = SPEECH_CONTENT | SPEECH_ACTS

#: Verbs after which a quotation is what was said (besides SPEECH_VERBS).
QUOTE_VERBS = SPEECH_VERBS | frozenset("sing read write text shout sob stammer stutter cry call chant cheer".split()) | \
    frozenset(  # verbs of the manner of speaking: '"I'm melting!" she shrieks'
        "shriek boom bellow roar growl hiss gasp sigh laugh snarl mumble whimper wail squeal croak rasp chuckle "
        "grunt blurt howl thunder sneer scoff giggle muse quip tease counter bark".split())

#: Verbs that ask somebody to do something ("invites Pim to escape") and verbs that
#: answer such a request ("he declines"): the one who answers is the one asked.
REQUEST_VERBS = frozenset("invite ask urge beg offer persuade encourage implore dare challenge order tell".split())
RESPONSE_VERBS = frozenset("decline refuse accept agree hesitate reject consent relent comply obey".split())

HONORIFICS_M = frozenset("mr mr. monsieur m. sir lord señor senor herr signor don father brother uncle king prince "
                         "count baron duke".split())
HONORIFICS_F = frozenset("mrs mrs. ms ms. miss madame mme mme. mademoiselle lady señora senora frau signora "
                         "mother sister aunt queen princess countess baroness duchess".split())
HONORIFICS_N = frozenset("dr dr. doctor professor prof prof. captain capt. detective officer inspector "
                         "sergeant sgt. judge general colonel major lieutenant agent reverend rev. "
                         # ranks and offices; "lance" and "staff" only ever before another ("Lance Corporal")
                         "corporal private admiral commander constable marshal sheriff deputy superintendent "
                         "pastor governor senator lance staff".split())
HONORIFICS = HONORIFICS_M | HONORIFICS_F | HONORIFICS_N

#: Nouns that say a person's sex (for pronoun resolution).
MALE_NOUNS = frozenset("""man men boy husband father dad son brother uncle nephew grandfather grandson
king prince gentleman guy boyfriend widower monk priest waiter actor steward fiancé fiance squire
fellow lad bachelor groom bridegroom stepfather stepson godfather duke lord emperor sultan
wizard sorcerer warlock baron
""".split())
FEMALE_NOUNS = frozenset("""woman women girl wife mother mom mum daughter sister aunt niece grandmother
granddaughter queen princess lady girlfriend widow nun waitress actress stewardess fiancée fiancee
bride maiden lass heroine duchess empress landlady housewife stepmother stepdaughter godmother hostess heiress
witch sorceress enchantress goddess governess baroness countess
""".split())

#: Common nouns that name a person by role (kinship, trade, relation).  A role
#: noun becomes a character only when that person speaks or acts repeatedly.
ROLE_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian", "ess", "man", "woman", "ee", "eer")
PERSON_NOUNS = MALE_NOUNS | FEMALE_NOUNS | frozenset("""
child kid baby teenager student pupil teacher doctor nurse attendant caretaker neighbor neighbour
friend colleague boss inspector detective officer policeman policewoman cop guard soldier captain
driver stranger visitor guest host maid butler servant cook chef waiter clerk lawyer judge priest
pastor nurse surgeon patient therapist psychiatrist journalist reporter photographer artist
musician pianist singer actor writer poet landlord landlady tenant owner manager secretary
assistant agent thief burglar killer murderer suspect witness victim prisoner partner lover
fiancé spouse parent grandparent cousin relative roommate classmate coach player doorman
janitor concierge porter mayor president king queen prince princess knight sheriff deputy
sergeant lieutenant general colonel major commander pilot sailor fisherman farmer hunter
mechanic engineer scientist professor principal counselor counsellor nanny babysitter
housekeeper gardener courier messenger mailman postman shopkeeper bartender barman customer
passenger traveler traveller tourist stranger villager mother father inspector paramedic
firefighter fireman medic receptionist administrator official minister senator governor chief
squire vicar curate parson rector bishop constable innkeeper blacksmith shepherd peddler tramp hermit
""".split())
#: Collective nouns: a group is never a character.
GROUP_NOUNS = frozenset("""brigade crowd team group family couple people police army crew staff
audience class gang band choir orchestra ensemble committee council jury public men women children
kids guests students soldiers officers neighbors neighbours parents friends firemen firefighters
""".split())
#: Organisations: a body that "orders" or "decides" is never a character.
ORGANISATION_NOUNS = frozenset("""company firm corporation government agency ministry bureau department authority
administration bank network union party senate parliament congress cartel syndicate
""".split())

MONTHS_DAYS = frozenset("""january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday christmas easter""".split())

SUBJ_PRON = {"he": "M", "she": "F"}
OBJ_PRON = {"him": "M", "her": "F"}
POSS_PRON = {"his": "M", "her": "F"}
REFL_PRON = {"himself": "M", "herself": "F"}
GENDERED_PRON = frozenset(["he", "she", "him", "her", "his", "hers", "himself", "herself"])
PRON_GENDER = {"he": "M", "him": "M", "his": "M", "himself": "M",
               "she": "F", "her": "F", "hers": "F", "herself": "F"}

_IRREGULAR_PAST = {"say": "said", "tell": "told", "swear": "swore", "speak": "spoke", "write": "wrote",
                   "sing": "sang", "read": "read", "lie": "lied", "cry": "cried", "reply": "replied",
                   "deny": "denied", "apologize": "apologized", "promise": "promised"}


def _forms(verb: str) -> list[str]:
    """Inflected forms of a regular English verb (and the common irregular pasts)."""
    forms = [verb]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        forms += [verb[:-1] + "ies", verb + "ing", verb[:-1] + "ied"]
    elif verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms += [verb + "es", verb + "ing", verb + "ed"]
    elif verb.endswith("e"):
        forms += [verb + "s", verb[:-1] + "ing", verb + "d"]
    else:
        forms += [verb + "s", verb + "ing", verb + "ed"]
    if verb in _IRREGULAR_PAST:
        forms.append(_IRREGULAR_PAST[verb])
    if verb == "lie":
        forms.append("lying")
    return forms


#: Word form -> lemma for every verb of saying, so a verb the tagger took for a
#: noun ("Marek reassures Lena") is still found.
SPEECH_FORMS = {f: v for v in sorted(SPEECH_VERBS | QUOTE_VERBS) for f in _forms(v)}


#: Verbs of meaning, planning or wanting to do something: what hangs on them as a
#: to-infinitive ("decides to tell him") is not done yet.  General English, no text's words.
INTENT_VERBS = frozenset("want wish hope plan intend decide determine resolve mean prepare expect "
                         "aim promise threaten refuse hesitate forget fail long yearn".split())
