"""Generated training sentences (offline, used by :mod:`.train` only).

No licensed data labels insults, threats or obscenity, and none at all exists for
Azerbaijani or Armenian. These templates, written for this project, teach the model the
*contrasts* that matter on a newsroom about the Armenia–Azerbaijan conflict, in en, ru,
tr, az and hy (plus Russian and Armenian typed in Latin letters, and Turkish/Azerbaijani
without diacritics):

- a group called vermin (hate) vs. the same group called neighbours (civil);
- "death to X" / "I will kill you" (threat) vs. "two soldiers were killed" (a report);
- "you are an idiot" (insult) vs. "you are wrong about the corridor" and "the government is
  lying" (heated but civil criticism);
- obscenity vs. innocent words that contain obscene strings;
- a slur quoted to condemn it (civil);
- attacks, threats and dehumanising generalisations that use no listed word ("memory of a
  goldfish", "string him up", "a herd, not a nation"; slurs spelled out or with digits) vs.
  grief about people dying in the blockade, reports of past violence, counter-speech that quotes
  them, self-deprecation ("what an idiot I was") and one-to-five-word greetings and thanks;
- a reader talking warmly to another by name ("Rauf, you always write so calmly", "I'll find you the
  link") vs. the same address with an insult or a threat: the address alone is evidence of neither;
- a claim to a land ("Karabakh is our land and always will be", "we will never give up our land")
  vs. a call to drive a people off it: the hate data's "our land" is a white nationalist's, and it
  made the claim read as hate (0.95).

Templates come in counterfactual pairs (same frame, hateful vs. civil filler) so that the
frame words themselves carry no signal. The hand-written sets in ``tests/classify/data``
and the fairness templates are separate and are never generated from here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# labels of each kind of sentence: hate, insult, threat, obscene, toxic
KINDS: dict[str, tuple[int, int, int, int, int]] = {
    "group_hate": (1, 0, 0, 0, 1),
    "group_civil": (0, 0, 0, 0, 0),
    "group_threat": (1, 0, 1, 0, 1),
    "person_insult": (0, 1, 0, 0, 1),
    "person_civil": (0, 0, 0, 0, 0),
    "person_threat": (0, 0, 1, 0, 1),
    "report": (0, 0, 0, 0, 0),
    "obscene": (0, 0, 0, 1, 1),
    "obscene_insult": (0, 1, 0, 1, 1),
    "condemn": (0, 0, 0, 0, 0),
    "neutral": (0, 0, 0, 0, 0),
    # attacks, threats and hate that name no listed word, and their civil look-alikes
    "insult_plain": (0, 1, 0, 0, 1),
    "threat_plain": (0, 0, 1, 0, 1),
    "group_threat_plain": (1, 0, 1, 0, 1),
    "hate_plain": (1, 0, 0, 0, 1),
    "grief": (0, 0, 0, 0, 0),
    "history": (0, 0, 0, 0, 0),
    "counter": (0, 0, 0, 0, 0),
    "self_deprecation": (0, 0, 0, 0, 0),
    "greeting": (0, 0, 0, 0, 0),
    "banter": (0, 0, 0, 0, 0),
    "farewell": (0, 0, 0, 0, 0),
    "collective": (0, 0, 0, 0, 0),
    "claim": (0, 0, 0, 0, 0),
    "land_hate": (1, 0, 0, 0, 1),
    "banter_insult": (0, 1, 0, 0, 1),
}
LABEL_ORDER = ("hate", "insult", "threat", "obscene", "toxic")
#: each kind's total weight in training (1 unless said): civil sentences about groups balance
#: the hateful and the threatening ones together, so that naming a group is no evidence of hate.
#: Land claims 4 and friendly talk 2 since the sentences about "the people" joined their dataset
#: (twelfth round): at 2 and 1, "Karabakh is our land and always will be" read hate 0.53
KIND_WEIGHT: dict[str, float] = {"group_civil": 2.5, "condemn": 1.5, "neutral": 2.0, "greeting": 1.5, "grief": 1.5,
                                 "land_hate": 3.0, "banter_insult": 3.0, "claim": 4.0, "banter": 2.0,
                                 "farewell": 3.0, "collective": 3.0}
#: kinds that train as a dataset of their own (``synthetic_hard``, weighing as much as one real
#: set) rather than as a part of the generated one (0.6 of a set, shared by some thirty kinds):
#: inside it, "Karabakh is our land and always will be" stayed hate 0.85 and "Rəşad, sən həmişə
#: sakit yazırsan" an insult 0.94 even at four times a kind's weight, the hate data's "our land"
#: and the written insults' "sən … -san" outweighing them. Their hateful and insulting
#: counterparts ("{pl} have no place on our land", "{name}, you are a {ins}") stay with the
#: generated sentences, at three times a kind's weight: inside the dataset, class balance gave
#: them as much weight as the claims, "our land" stayed hate 0.67, and the fairness set's
#: "У X такие же права, как у всех" read as hate for every identity
#: Greetings joined them with the eighth batch of writers (2026-12-07): among the generated
#: sentences, "Hey there" read toxic 0.62 and "Selam millet, İzmir'den sevgiler" hate 0.51, the
#: writers' insults opening with "hey" and their hate about a "millet" outweighing them.
#: Farewells and good wishes joined them with the tenth batch (2026-12-07): the veiled-threat writers'
#: "see you", "next time", "your family" and "we will meet" made "See you next time!" a threat
#: (0.99) and "Good luck to your family." one too (0.55).
OWN_DATASET: frozenset[str] = frozenset({"claim", "banter", "greeting", "farewell", "collective"})


@dataclass(frozen=True)
class Sentence:
    text: str
    lang: str
    kind: str

    @property
    def labels(self) -> dict[str, int]:
        return dict(zip(LABEL_ORDER, KINDS[self.kind], strict=True))


def _w(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


# Each language: slot fillers (lists) and templates per kind. Slots: {pl} group, nominative
# plural; {acc}/{dat}/{gen} other cases; {deh} dehumanising predicate; {pos} positive
# predicate; {ins} insult noun; {ins2}/{ins3} insult as 2nd/3rd-person predicate (az/tr);
# {pol} politician; {polx} politician in the case the template needs; {gov} a government;
# {topic}; {obs} an obscene sentence; {hurt} a violent verb; {n} a number; {slur}; {slx} a slur
# spelled out, with digits or in Latin letters; {rel} a religion.
LANGS: dict[str, dict[str, list[str]]] = {
    "en": {
        "neutral": _w("The body of the article contradicts the headline|The governing body meets on Friday|"
                      "Now with a photo of the border post|Now with a map of the corridor|Now with subtitles in "
                      "Russian|The commission is a body with real powers|He works at a body shop in {city}|"
                      "Please pass my regards to the editors|"
                      "I am a {job} and I read this site every day|Thank you for this article|Great reporting, please "
                      "write more about {topic}|When will the road reopen?|My family lives in {city}|I agree with the "
                      "author|This is an interesting analysis|Can someone explain what happened in {city}?|I was "
                      "there in 2020|Good morning from {city}|We need more articles like this|I hope peace comes soon|"
                      "Where can I read the full report?|The photos are beautiful|You are right about {topic}|You "
                      "wrote this very well|I am from {city}, ask me anything|My parents still live in {city}|We have "
                      "lived in {city} for twenty years|Families in the border villages live from farming|Where do "
                      "the displaced families live now?|The whole world is watching the corridor|World leaders "
                      "met in Brussels today|News from around the world|Hello to the whole world from {city}|"
                      "The World Cup qualifier is tonight|The world should help the refugees"),
        "job": _w("teacher|doctor|student|farmer|journalist|engineer|nurse|pensioner"),
        "city": _w("Baku|Yerevan|Ganja|Gyumri|Tbilisi|Stepanakert|Shusha|Goris|Moscow|Istanbul"),
        "pl": _w("Armenians|Azerbaijanis|Azeris|Turks|Russians|Georgians|Jews|Muslims|Christians|women|migrants|"
                 "refugees|Kurds|Iranians|Ukrainians|gay people|Black people|Arabs|Yazidis|Roma|immigrants|"
                 "disabled people|trans people"),
        "deh": _w("vermin|rats|cockroaches|parasites|animals|savages|a plague|dogs|pigs|scum|barbarians|snakes|"
                  "filth|subhuman|a disease|not human|a cancer on this land|born liars and thieves|all terrorists|"
                  "criminals by nature|traitors to the last one"),
        "pos": _w("our neighbours|people like everyone else|kind and hospitable|hard-working people|welcome here|"
                  "human beings with the same rights|good people|part of this country|our friends|"
                  "victims of this war too"),
        "ins": _w("idiot|moron|clown|coward|loser|imbecile|fool|scumbag|piece of garbage|jerk|halfwit|cretin|"
                  "dumbass|bastard|pig|rat|worthless troll|brainless sheep|pathetic liar|degenerate"),
        "pol": _w("Aliyev|Pashinyan|Erdogan|Putin|Kocharyan|Lavrov|Mirzoyan|Bayramov|the prime minister|"
                  "the president|the foreign minister|the author|the editor|this journalist"),
        "gov": _w("the Armenian government|the Azerbaijani government|the Turkish government|the Russian "
                  "government|the Georgian government|the Iranian government|the ministry|the ruling party"),
        "topic": _w("the corridor|the peace deal|the border|the refugees|the ceasefire|the blockade|the elections|"
                    "the prisoners of war|the gas pipeline|the sanctions|the road to Lachin|the talks in Brussels"),
        "hurt": _w("kill|shoot|stab|strangle|beat|bury|burn|hang|slaughter|behead"),
        "n": _w("two|three|five|seven|twelve|dozens of|hundreds of"),
        "obs": _w("this is fucking ridiculous|what the fuck is this article|holy shit, they closed the road again|"
                  "the talks are bullshit|fuck this war|this shit never ends|the peace deal is a fucking joke|"
                  "who gives a shit about the ceasefire|damn, what a clusterfuck|screw this fucking government|"
                  "that report is total crap|piss off with your propaganda|this is a shitshow"),
        "slur": _w("dığa|хач|chalma|kike|raghead|чурка|ermeni dölü|towelhead"),
        "group_hate": _w("{pl} are {deh}.|All {pl} are {deh}!|Honestly, {pl} are {deh}|I hate {pl}, they are "
                         "{deh}|{pl} should go back where they came from, they are {deh}|Never trust {pl}. {pl} "
                         "are {deh}.|Everyone knows {pl} are {deh}|the world would be better without {pl}|{pl} don't "
                         "deserve to live among us|get rid of all {pl}|{pl} are a plague, nothing more|I will never "
                         "accept {pl}, they are {deh}|{pl} are a nation of cowards and thieves|"
                         "the only good one of the {pl} is a "
                         "dead one|{pl} breed like rabbits and steal our jobs|{pl} are a tumour on this region|all "
                         "{pl} are liars, every single one|{pl} are lazy and dirty|{pl} control the media and the "
                         "banks|{pl} should not be allowed to vote|never hire one of the {pl}, they will rob you|{pl} "
                         "are a disease that has to be cured|{pl} do not belong here, send them back|you can never "
                         "trust {pl}"),
        "group_civil": _w("{pl} are {pos}.|All {pl} are {pos}!|Honestly, {pl} are {pos}|I love {pl}, they are "
                          "{pos}|{pl} should be able to go back home in peace|Never forget that {pl} are {pos}.|"
                          "Everyone knows {pl} are {pos}|the world would be poorer without {pl}|{pl} deserve to "
                          "live among us in safety|many {pl} lost their homes in the war|I have worked with {pl} "
                          "for years|{pl} are a nation of poets and traders|{pl} are kind and hard-working|"
                          "{gov} is lying again about {topic}|{gov} broke the ceasefire and must answer "
                          "for it|{gov} has failed the refugees|{pl} and their neighbours both suffered|{pl} work in "
                          "the media and in the banks too|{pl} have every right to vote|I hired two {pl} last year, "
                          "great colleagues|{pl} have the right to medical care|{pl} belong here as much as anyone|I "
                          "trust my neighbours, and some of them are {pl}|we should support {pl}|we should help {pl} "
                          "rebuild their homes|we should help them|they should be given their homes back|I don't hate "
                          "{pl}|I do not hate anyone, including {pl}|no {pl} deserve to be treated badly|{pl} are "
                          "great neighbours|I'm proud to stand with {pl}|statements like 'I hate {pl}' are "
                          "hateful|saying '{pl} are disgusting' is wrong|we must protect {pl} from attacks|{pl} should "
                          "have the same rights as everyone"),
        "group_threat": _w("death to {pl}!|we will kill every one of the {pl}|burn their villages and {hurt} all "
                           "{pl}|all {pl} should be shot|we will slaughter the {pl}|{pl} must be wiped out|kill "
                           "them all, every last one of the {pl}|{pl} should be hanged in the square|I hope all "
                           "{pl} die|{pl} deserve to die|line up the {pl} and shoot them"),
        "person_insult": _w("you are a {ins}|you're such a {ins}|shut up, you {ins}|what a {ins} you are|only a "
                            "{ins} would write this|{pol} is a {ins}|{pol} is a complete {ins}|listen, {ins}|you "
                            "{ins}, read the article|go away, {ins}|@user you are a {ins}|{pol}, you {ins}|"
                            "you stupid {ins}|are you a {ins} or just pretending?"),
        "person_civil": _w("you are wrong about {topic}|I disagree with you on {topic}|you make a fair point "
                           "about {topic}|{pol} is lying about {topic}|{pol} has failed on {topic} and should "
                           "resign|{pol} must answer for {topic}|the author ignored {topic}|@user read the article "
                           "again, it says the opposite|your argument about {topic} ignores the facts|{pol} "
                           "betrayed the refugees|I think you are mistaken about {topic}|you clearly have not "
                           "read the report on {topic}|{pol} should be voted out|{pol} spoke in parliament today|{pol} "
                           "answered journalists' "
                           "questions about {topic}|{pol} met the families of the displaced|{pol} signed the agreement|"
                           "{pol} visited the border on Monday|{pol} did not keep his promises|you are being naive "
                           "about {topic}, my friend|you are far too optimistic"),
        "person_threat": _w("I will {hurt} you|I'll find you and {hurt} you|we know where you live|you will pay "
                            "for this with your blood|say that again and I will {hurt} you|I'm going to {hurt} "
                            "you|{pol} should be shot|someone should {hurt} {pol}|{pol} deserves to be hanged|"
                            "watch your back, @user|you will not live to see the peace deal|I know where you "
                            "live, {ins}|we are coming for you and your family|keep talking and you'll end up in a "
                            "ditch|you won't live to see the end of the year|we know where your children live|I hope "
                            "a bomb falls on your house|your family will pay for this|count your days, {ins}|they "
                            "will find your body in the river|a bullet is waiting for you|you deserve a bullet|"
                            "better hide, we are coming|I will make your life hell, I have your address|I'll cut "
                            "your throat|I'll break every bone in your body|we will track you down and bury you"),
        "report": _w("{n} soldiers were killed near the border|{n} civilians were shot at the checkpoint|the "
                     "village was burned during the war|the report says prisoners were tortured|he was killed "
                     "in 2020 and his family still waits for answers|the army shelled the town and killed {n} "
                     "people|the court sentenced the killer to life|the film is about the massacre|a bomb "
                     "exploded near the market|{n} people died during the blockade|the army will withdraw by "
                     "Friday|they threatened to close the road again|{pol} condemned the killing of "
                     "civilians|{n} people were wounded when the shelling started|the prosecutor said the suspect had "
                     "made death threats|police say the man threatened to kill his neighbour|that joke killed me, "
                     "thank you|the report lists every threat made against journalists"),
        "obscene": _w("{obs}|{obs}!|honestly, {obs}|{obs}, as usual"),
        "obscene_insult": _w("you fucking {ins}|shut the fuck up, {ins}|fuck you, {ins}|{pol} is a fucking "
                             "{ins}|piss off, you {ins}|go fuck yourself|@user fuck off"),
        "condemn": _w("calling people '{slur}' is racist and must stop|the word '{slur}' is a slur, do not use "
                      "it|he was fined for shouting '{slur}' at a neighbour|comments that call {pl} vermin "
                      "should be removed|saying '{pl} are animals' is hate speech|the breast cancer unit "
                      "reopened|the class analysis in Scunthorpe was useful|they drank cocktails in Sussex|"
                      "the assassination of the archduke started the war|therapists help the survivors|saying that "
                      "'{pl} control the banks' is an old conspiracy myth|the claim that '{pl} are a disease' is pure "
                      "hate speech|he wrote that '{pl} should not vote', and the paper rightly deleted it|comments "
                      "like '{pl} are animals' are exactly what this site bans|'{pl} are vermin' is the language of "
                      "genocide"),
        "rel": _w("Islam|Christianity|Judaism|their religion|that faith|this religion"),
        "slx": _w("x a c h|h a c h i|d1ga|d ı ğ a|armyashka|turqi shun|ch4lma|k h a c h i|dig@lar|хачи"),
        "insult_plain": _w("you have the memory of a goldfish and the manners to match|another bot with a keyboard, "
                           "how much do they pay you?|go back to school, genius|nobody asked you, troll|you are "
                           "just another paid troll|did you even finish school?|{pol} talks like a squeaky toy and "
                           "thinks like one|{pol} has the brain of a goldfish|{pol} lost his mind years ago|listen, "
                           "Einstein, nobody cares what you think|you are a puppet, and a cheap one|learn to read "
                           "first, then comment|you have two brain cells and both are asleep|crawl back under your "
                           "rock|you parrot whatever the Kremlin feeds you, like a trained bird|@user you are a bot, "
                           "and not a clever one|your brain must be the size of a walnut|were you dropped on your "
                           "head as a child?|I have met potatoes with more sense than you|you type like a toddler "
                           "and think like one|ok genius, tell us more about geopolitics|{pol} is a senile old "
                           "puppet|{pol} bleats like a goat every time he opens his mouth|you are as dumb as a "
                           "brick|what a sad little man you are|you are a joke and everyone here knows it|shut "
                           "up and go back to your cave|nobody reads your nonsense, keyboard warrior"),
        "threat_plain": _w("someone should string him up|we know where you live, think about your family|{pol} "
                           "should be strung up from a lamppost|get a rope for {pol}|think of your kids before you "
                           "write again|your days are numbered|you will pay for this, wait until we come|we are "
                           "watching you and we know your car|keep writing and see what happens to your family|I will "
                           "drive into those protesters if they block the road again|run them over, they are "
                           "blocking the road|may you die slowly|I hope your whole house burns with you in it|you're "
                           "next, @user|one day you will walk home alone, remember that|we will visit your mother, "
                           "tell her to wait|your family will not be safe after this|hang {pol} in the square and "
                           "let everyone watch|a noose is waiting for {pol}|we will come to your office, journalist"),
        "group_threat_plain": _w("{pl} will all die, every last one|we will repeat Sumgait|another Khojaly is "
                                 "coming for the {pl}|finish the genocide, leave no {pl} alive|I hope all {pl} "
                                 "burn|may all {pl} die in their homes|drive into the {pl} marching in the street|"
                                 "the {pl} will all be killed when we come|let them burn, these {pl}|string up "
                                 "the {pl} one by one|the {pl} should be lined up against the wall"),
        "hate_plain": _w("{pl} are a herd, not a nation|{rel} breeds violence, always has|{pl} are savages by "
                         "nature|{pl} are a wild tribe, not a people|{pl} are born killers|{pl} have no right to "
                         "exist|it is in their blood, {pl} are all thieves|{pl} are an invented nation|{rel} is a "
                         "religion of death|{pl} are uncivilised barbarians|{pl} are subhumans|{pl} are like "
                         "locusts, they destroy everything|{pl} bring terror wherever they go|you cannot civilise "
                         "{pl}|{slx} everywhere, get them out of our land|all {slx} are the same|{slx} again "
                         "crying about the corridor|the only language {pl} understand is the whip"),
        "grief": _w("the patients in the ward will all die without insulin, the doctor warned|"
                    "{n} patients died in {city} because the blockade stopped the medicine|my grandmother died "
                    "waiting for an ambulance that never came|cancer patients are dying because the road is "
                    "closed|children in {city} are dying of hunger, please help|more patients will die if the road "
                    "stays closed|rest in peace, my brother, killed in the war|my heart breaks for every family "
                    "that lost someone|we buried my uncle today, he could not get dialysis|the hospital in {city} "
                    "has no insulin and people die|the talks are dead and people keep dying|the peace process is "
                    "dead, let's be honest|the ceasefire died last night|three soldiers were killed, may they rest "
                    "in peace|I cried reading this, so many dead|the old people in {city} will die of cold this "
                    "winter without gas|a whole generation died in that war|my father never came back from the front"),
        "history": _w("the article describes how prisoners were hanged in 1918|survivors of Sumgait remember the "
                      "pogrom|the court heard that the driver drove into the protesters|a witness said soldiers "
                      "threatened to burn the village|the report documents threats against journalists who wrote "
                      "about the blockade|{n} people were killed in Khojaly, the article says|historians still "
                      "debate the events of 1915|the museum shows photos of the massacre|the film shows how the mob "
                      "burned houses in {city}|the police say the man threatened to drive into the crowd|the "
                      "suspect told the victim 'we know where you live', prosecutors said"),
        "counter": _w("calling them '{slx}' is racist, stop it|someone wrote '{slx}' under this article, "
                      "moderators please remove it|saying '{pl} are a herd, not a nation' is dehumanising|'that "
                      "faith breeds violence' is bigotry, not analysis|words like '{slx}' led to Sumgait and "
                      "Khojaly|I am ashamed that people here call {pl} savages|nobody should ever write that "
                      "'{pl} have no right to exist'|writing 'hang them all' about {pl} is incitement, report it|"
                      "the slur '{slur}' has no place in this debate|my neighbour called me '{slx}' and I reported "
                      "him"),
        # a reader talking to another by name, warmly: the address alone is no insult or threat
        "name": _w("Mark|Sarah|Elvin|Lusine|Tom|Anna|David|Nigar|Gor|Leyla"),
        "banter": _w("{name}, you're a genius 😂 really funny|"
                     "{name}, I'll dig up the link to that report for you, one minute|"
                     "{name}, I'll send you the map tonight|"
                     "{name}, you always write so calmly, half the reason I read this site|"
                     "{name}, you talk exactly like my grandfather, every story starts with 'back in my day' :)|"
                     "fine {name}, you win this round, the tea is on me|"
                     "{name} and his theories again 😄 go on, I'm listening|"
                     "{name}, see you at the rally on Saturday, peaceful as always|"
                     "{name}, you grumpy old man, love you anyway|{name}, you killed me with this comment 😂|"
                     "happy birthday {name}! health and peace to you|"
                     "{name}, you were right about the vote, I owe you a coffee|"
                     "{name}, I'll call you after the match|{name}, you're a legend, this comment is gold|"
                     "{name}, I'll find you at the conference tomorrow, let's talk|"
                     "{name}, I'll beat you at backgammon on Saturday, get ready!|"
                     "{name}, calm down, I get you, are we still on for Friday?|"
                     "{name}, you made my day with that story|"
                     "{name}, I'll send you the article, it has all the dates"),
        # a claim to a land, pride in one's nation, a people's rights: political, not hate
        "place": _w("Karabakh|Artsakh|Zangezur|Syunik|Shusha|Lachin|Nakhchivan|Kalbajar|Hadrut"),
        "claim": _w("{place} is our land and always will be|we will never give up our land|"
                    "{place} has been our land for centuries|this land belongs to the people who live on it|"
                    "our land, our history, our graves are there|I dream of going back to our land one day|"
                    "our nation has suffered enough|this country deserves better leaders|"
                    "every nation has a right to its own land|my grandfather's land is in {place}|"
                    "we will return to {place} peacefully, through talks|"
                    "nobody can take our land out of our hearts|the land remembers everyone who lived on it"),
        # their counterparts: a people driven off the land, an insult said to a reader by name
        "land_hate": _w("{pl} have no place on our land|our land must be cleansed of {pl}|"
                        "drive every one of the {pl} off our land|{place} is our land and {pl} are {deh}|"
                        "{pl} must leave our land, they are {deh}|{pl} stole our land, they are {deh}|"
                        "not one of the {pl} should stay on our land"),
        "banter_insult": _w("{name}, you are a {ins}|{name}, shut up, you {ins}|"
                            "{name}, you write nonsense every time, you {ins}|"
                            "{name}, only a {ins} like you would believe this|{name}, you always write like a {ins}"),
        "self_deprecation": _w("I was naive to believe them, what an idiot I was|I was such a fool to trust the "
                               "talks|stupid me, I thought the road would open|I feel like an idiot for believing "
                               "the ceasefire|call me naive, but I still hope for peace|I was a moron to vote for "
                               "them|what a clown I was to think this would end well|I'm an idiot, I misread the "
                               "article, sorry|my bad, I was dumb and wrong about the date|silly me, I forgot the "
                               "border is closed|I am too stupid for this politics, honestly|I was a coward not to "
                               "speak up then"),
        "farewell": _w("See you again soon, {name}!|Until next week, friends|See you at the next match!|"
                       "Catch you later|Take good care, {name}|Stay safe out there, everyone|"
                       "Wishing your family all the best|Hope your kids enjoy the holidays|"
                       "Give my regards to your parents|We'll meet at the book fair, I'll bring the photos|"
                       "Safe travels, {name}, text me when you land|Get well soon, {name}|"
                       "My best wishes to your mother|We are expecting you for dinner on Sunday|"
                       "Next time the coffee is on me|Who's next in the queue? I've been waiting an hour|"
                       "I know the way to your street, I'll pick you up at six|Our door is always open for you|"
                       "Hope to see you all again next year|Say hello to everyone at home|"
                       "Great stream, see you next time!|Thanks for the recipe, next time I will add more garlic|"
                       "See you on Friday, {name}|Next time bring the kids too|Lovely evening, see you next time|"
                       "We missed you at the meeting, next time for sure|See you there, I will save you a seat"),
        "collective": _w("People are tired of this war|The people want peace, not speeches|Ordinary people pay "
                         "for every mistake|Our people survived worse winters|Both peoples deserve a normal life|"
                         "Every nation has the right to exist|The nation is waiting for an answer from the "
                         "government|The public deserves to know what was signed|Folks in the villages just want "
                         "the road open|Our nation will get through this|People lined up for bread again|The "
                         "whole nation watched the final|Citizens should vote, not stay home|People here are "
                         "kind, you will see|A people that remembers its history has a future|The nation "
                         "mourns the fallen|People are scared and nobody explains anything|Ask the people, "
                         "not the ministers|Simple people always suffer first|The nation needs doctors more "
                         "than flags"),
        "greeting": _w("Hello world|Hello|Hi all|Hi everyone|Good morning|Thank you|Thanks|Thanks a lot|Thank you "
                       "very much|Great article|Nice|Well said|Agreed|Greetings from {city}|Peace to all|Happy new "
                       "year|Good evening everyone|Welcome|Respect|Hello from {city}, friends|Salam|Salam everyone|"
                       "Merhaba|Barev|Shalom, friends|Hello, world!|Good morning, world|Peace to the whole world|"
                       "Hi world|World|The world|This country|Our land|Our nation|Europe|White|Hey everyone|"
                       "Hey folks|Hey, good to be here|Hiya"),
    },
    "ru": {
        "neutral": _w("Передаю привет всем читателям из Гюмри|Передайте, пожалуйста, спасибо редакции|Мама "
                      "передаёт всем привет|Документы передали в суд в понедельник|Гуманитарный груз "
                      "передали Красному Кресту|"
                      "Я {job}, читаю этот сайт каждый день|Спасибо за статью|Отличный материал, пишите ещё|Когда "
                      "откроют дорогу?|Моя семья живёт здесь|Согласен с автором|Интересный анализ|Кто-нибудь может "
                      "объяснить, что произошло?|Я был там в 2020 году|Доброе утро всем|Нам нужно больше таких статей|"
                      "Надеюсь, скоро наступит мир|Где можно прочитать весь доклад?|Фотографии прекрасные|Ты прав "
                      "насчёт этого|Вы очень хорошо написали|Мой родной город — {city}|Мои родители до сих пор живут "
                      "в городе {city}|Мы живём в этом районе двадцать лет|Семьи в приграничных сёлах живут с земли|"
                      "Где сейчас живут переселенцы?"),
        "job": _w("учитель|врач|студент|фермер|журналист|инженер|медсестра|пенсионер"),
        "city": _w("Баку|Ереван|Гянджа|Гюмри|Тбилиси|Степанакерт|Шуша|Горис|Москва|Стамбул"),
        "pl": _w("армяне|азербайджанцы|турки|русские|грузины|евреи|мусульмане|христиане|женщины|мигранты|"
                 "беженцы|курды|украинцы|иранцы|цыгане|езиды"),
        "acc": _w("армян|азербайджанцев|турок|русских|грузин|евреев|мусульман|христиан|женщин|мигрантов|"
                  "беженцев|курдов|украинцев|иранцев|цыган|езидов"),
        "dat": _w("армянам|азербайджанцам|туркам|русским|грузинам|евреям|мусульманам|христианам|женщинам|"
                  "мигрантам|беженцам|курдам|украинцам|иранцам|цыганам|езидам"),
        "deh": _w("паразиты|тараканы|крысы|животные|скоты|дикари|звери|нелюди|мрази|гниды|варвары|собаки|"
                  "не люди|отбросы|чума|прирождённые воры и лжецы|все до одного террористы|выродки"),
        "pos": _w("наши соседи|такие же люди, как все|добрые и гостеприимные люди|трудолюбивые люди|"
                  "хорошие люди|наши друзья|тоже жертвы этой войны|граждане с теми же правами"),
        "ins": _w("идиот|дебил|придурок|кретин|урод|дурак|ублюдок|мразь|тварь|козёл|клоун|ничтожество|чмо|"
                  "быдло|тупица|недоумок|скотина|баран"),
        "pol": _w("Алиев|Пашинян|Эрдоган|Путин|Кочарян|Лавров|Мирзоян|Байрамов|премьер|президент|министр|"
                  "автор|этот журналист"),
        "polx": _w("Алиева|Пашиняна|Эрдогана|Путина|Кочаряна|Лаврова|премьера|президента|автора"),
        "gov": _w("армянское правительство|азербайджанское правительство|турецкое правительство|российское "
                  "правительство|грузинское правительство|министерство|правящая партия"),
        "topic": _w("коридору|мирному договору|границе|беженцам|перемирию|блокаде|выборам|пленным|"
                    "газопроводу|санкциям|Лачинской дороге"),
        "hurt": _w("убью|зарежу|пристрелю|задушу|закопаю|сожгу|повешу|прибью|порву"),
        "n": _w("два|три|пять|семь|двенадцать|десятки|сотни"),
        "obs": _w("да это просто пиздец|бля, опять дорогу перекрыли|хуйня эта ваша статья|ну и херня|"
                  "заебали уже с этим коридором|нахуй эту войну|какого хуя они молчат|ебаный стыд|"
                  "опять эта сраная пропаганда|охуеть, что творится|всё через жопу, как всегда"),
        "slur": _w("хач|чурка|жид|хохол|dığa|ermeni dölü|чучмек"),
        "group_hate": _w("{pl} — {deh}.|{pl} это {deh}!|все {pl} — {deh}|ненавижу {acc}, они {deh}|"
                         "{pl} должны убираться с нашей земли|никогда не верьте {dat}, {pl} — {deh}|все знают, "
                         "что {pl} — {deh}|мир был бы лучше без {acc}|{pl} не заслуживают жить рядом с нами|"
                         "гнать всех {acc} отсюда|{pl} хуже зверей|{pl} — нация воров и трусов|"
                         "{pl} плодятся как кролики|{pl} — опухоль на теле региона|все {pl} лжецы, все до одного|"
                         "{pl} грязные и ленивые|хороших среди них нет, {pl} все одинаковые|{pl} контролируют все "
                         "банки и СМИ|{dat} нельзя позволять голосовать|никогда не бери на работу, {pl} обворуют|{pl} "
                         "— это болезнь, их надо лечить|{dat} здесь не место, пусть убираются|{dat} нельзя верить"),
        "group_civil": _w("{pl} — {pos}.|{pl} это {pos}!|все {pl} — {pos}|уважаю {acc}, они {pos}|{pl} "
                          "должны спокойно вернуться домой|никогда не забывайте, что {pl} — {pos}|все знают, что "
                          "{pl} — {pos}|мир был бы беднее без {acc}|{pl} заслуживают жить рядом с нами в "
                          "безопасности|{pl} — нация поэтов и торговцев|{pl} добрые и трудолюбивые|"
                          "многие {pl} потеряли дома на войне|{gov} опять врёт|{gov} нарушило "
                          "перемирие и должно ответить|{pl} тоже пострадали от войны|{pl} тоже работают в банках и "
                          "СМИ|у {acc} такое же право голосовать|{pl} — мои лучшие коллеги|{dat} нужна нормальная "
                          "медицинская помощь|{pl} имеют право жить здесь|я доверяю соседям, среди них есть {pl}|мы "
                          "должны поддержать {acc}|надо помочь {dat} восстановить дома|надо им помочь|им нужно вернуть "
                          "их дома|я не ненавижу {acc}|я никого не ненавижу, в том числе {acc}|никто из них не "
                          "заслуживает плохого обращения|{pl} — прекрасные соседи|горжусь тем, что поддерживаю "
                          "{acc}|фразы вроде «ненавижу {acc}» — это ненависть|говорить «{pl} — мерзость» "
                          "неправильно|мы должны защищать {acc} от нападений|у {acc} должны быть те же права, что у "
                          "всех"),
        "group_threat": _w("смерть {dat}!|всех {acc} надо расстрелять|{acc} нужно уничтожить всех до одного|"
                           "перебьём всех {acc}|сожжём их сёла и вырежем всех {acc}|{acc} надо вешать|чтоб "
                           "все {pl} сдохли|{pl} заслуживают смерти"),
        "person_insult": _w("ты {ins}|ты просто {ins}|заткнись, {ins}|какой же ты {ins}|{pol} — {ins}|только "
                            "{ins} мог такое написать|{ins}, прочитай статью|@user ты {ins}|{pol} полный {ins}|"
                            "иди отсюда, {ins}|ты {ins} или притворяешься?"),
        "person_civil": _w("{pol} поздравил всех с Новым годом|{pol} передал привет жителям приграничных сёл|{pol} "
                           "живёт в соседнем доме, обычный человек|{pol} поздоровался с журналистами и ушёл|"
                           "вы ошибаетесь насчёт {topic}|не согласен с вами по {topic}|{pol} врёт, как всегда|"
                           "{pol} провалил переговоры и должен уйти в отставку|{pol} должен ответить за провал|"
                           "@user перечитайте статью, там написано обратное|ваш аргумент игнорирует факты|"
                           "{pol} предал беженцев|мне кажется, вы не правы|вы явно не читали доклад|автор "
                           "статьи ничего не понимает в этом вопросе|{pol} выступил в парламенте|{pol} ответил на "
                           "вопросы "
                           "журналистов|{pol} встретился с семьями переселенцев|{pol} подписал соглашение|{pol} "
                           "посетил границу в понедельник|{pol} не выполнил обещаний|вы слишком наивны, друг мой|"
                           "ты слишком наивно смотришь на это"),
        "person_threat": _w("я тебя {hurt}|найду тебя и {hurt}|знаю, где ты живёшь|ты за это ответишь "
                            "кровью|ещё слово, и я тебя {hurt}|{acc} надо расстрелять|{polx} надо повесить|"
                            "ты пожалеешь, обещаю|тебе не жить, {ins}|мы придём за тобой и твоей семьёй|"
                            "голову тебе оторву|продолжай болтать, и окажешься в канаве|ты не доживёшь до конца "
                            "года|мы знаем, где живут твои дети|чтоб на твой дом упала бомба|твоя семья за это "
                            "заплатит|считай свои дни, {ins}|твоё тело найдут в реке|пуля тебя уже ждёт|ты "
                            "заслуживаешь пули|прячься лучше, мы идём|устрою тебе ад, адрес твой знаю|перережу тебе "
                            "глотку|переломаю тебе все кости|выследим и закопаем"),
        "report": _w("на границе погибли {n} солдат|на блокпосту застрелили мирных жителей|деревню сожгли во "
                     "время войны|в докладе говорится, что пленных пытали|его убили в 2020 году, семья до сих "
                     "пор ждёт ответа|армия обстреляла город, погибли {n} человек|суд дал убийце пожизненный "
                     "срок|фильм о резне 1915 года|у рынка взорвалась бомба|{n} человек умерли во время "
                     "блокады|армия отступит в пятницу|они пригрозили снова перекрыть дорогу|{pol} осудил "
                     "убийство мирных жителей|прокурор сообщил, что подозреваемый угрожал убийством|полиция: мужчина "
                     "грозился убить соседа|эта шутка меня убила, спасибо|в докладе перечислены угрозы журналистам"),
        "obscene": _w("{obs}|{obs}!|честно, {obs}|{obs}, как обычно"),
        "obscene_insult": _w("ты ебаный {ins}|заткнись нахуй, {ins}|иди нахуй, {ins}|{pol} — ебаный {ins}|"
                             "пошёл на хуй|@user отъебись, {ins}|сука, ты {ins}"),
        "condemn": _w("называть людей «{slur}» — это расизм|слово «{slur}» оскорбительно, не используйте "
                      "его|его оштрафовали за то, что кричал «{slur}» соседу|комментарии, где {acc} называют "
                      "скотами, надо удалять|сказать «{pl} — животные» — это язык вражды|хулиганы разбили "
                      "витрину|страхование жизни подорожало|колхоз закрылся в девяностых|слова «{pl} контролируют "
                      "банки» — старый миф|фраза «{pl} — это болезнь» — язык вражды|он написал, что «{pl} не должны "
                      "голосовать», и комментарий удалили|комментарии вроде «{pl} — животные» здесь запрещены|«{pl} — "
                      "паразиты» — это язык геноцида"),
        "rel": _w("ислам|христианство|иудаизм|их религия|эта вера|эта религия"),
        "slx": _w("х а ч|х а ч и|khachi|xach|armyashka|ч у р к а|d1ga|turqi shun|хачики|d ı ğ a"),
        "insult_plain": _w("у тебя память как у золотой рыбки и манеры такие же|очередной бот с клавиатурой, "
                           "сколько тебе платят?|иди учись, гений|тебя никто не спрашивал, тролль|ты просто "
                           "проплаченный тролль|ты хоть школу закончил?|{pol} пищит как резиновая игрушка и думает "
                           "так же|у {polx} мозги как у курицы|{pol} давно выжил из ума|слушай, умник, твоё мнение "
                           "никого не интересует|ты марионетка, и дешёвая|сначала научись читать, потом пиши|у тебя "
                           "одна извилина, и та прямая|заползи обратно под свой камень|ты повторяешь методички, как "
                           "попугай|@user ты бот, причём тупой|ты пустое место, ноль|диванный эксперт опять всё знает|"
                           "тебя в детстве головой не роняли?|{pol} — старый маразматик|{pol} блеет как овца, когда "
                           "говорит|ты позорище своей семьи|ну ты гений, конечно|закрой рот и иди в школу|ты никто, "
                           "и звать тебя никак|больной на голову, лечись"),
        "threat_plain": _w("его надо вздёрнуть на фонаре|мы знаем, где ты живёшь, подумай о семье|{polx} надо "
                           "повесить на площади|подумай о своих детях, прежде чем писать|твои дни сочтены|ты за это "
                           "заплатишь, жди гостей|мы следим за тобой и знаем твою машину|пиши дальше и увидишь, что "
                           "будет с твоей семьёй|если они опять перекроют дорогу, я въеду в толпу|давить их "
                           "машинами, они перекрыли дорогу|чтоб ты сгнил заживо|чтоб твой дом сгорел вместе с "
                           "тобой|ты следующий, @user|однажды ты пойдёшь домой один, запомни|мы зайдём к твоей "
                           "матери, пусть ждёт|твоя семья больше не будет в безопасности|поставить {polx} к стенке|"
                           "мы придём к тебе в редакцию"),
        "group_threat_plain": _w("{pl} все сдохнут, до последнего|повторим Сумгаит|{dat} будет второй "
                                 "Ходжалы|закончим геноцид, ни одного не оставим|чтоб все {pl} сгорели|"
                                 "въехать в толпу, там одни {pl}|всех {acc} к стенке|пусть {pl} горят в своих "
                                 "домах|{pl} все умрут, когда мы придём"),
        "hate_plain": _w("{pl} — это стадо, а не нация|{rel} порождает насилие, всегда порождала|{pl} дикари по "
                         "природе|{pl} — дикое племя, а не народ|{pl} прирождённые убийцы|{pl} не имеют права на "
                         "существование|это у них в крови, {pl} все воры|{pl} — выдуманная нация|{rel} — религия "
                         "смерти|{pl} — нецивилизованные варвары|{pl} — недочеловеки|{pl} как саранча, всё "
                         "уничтожают|{pl} несут террор, куда бы ни пришли|{acc} не цивилизовать|{slx} везде, гнать "
                         "их с нашей земли|все {slx} одинаковые|{slx} опять ноют про коридор"),
        "grief": _w("врачи говорят, что без лекарств больные все умрут|"
                    "в {city} умерли {n} пациентов, потому что из-за блокады не привезли лекарства|бабушка умерла, "
                    "так и не дождавшись скорой|онкобольные умирают, потому что дорога закрыта|дети в {city} "
                    "голодают, помогите|если дорогу не откроют, умрут ещё больные|покойся с миром, брат, погибший "
                    "на войне|сердце разрывается за каждую семью, потерявшую близких|сегодня похоронили дядю, ему не "
                    "смогли сделать диализ|в больнице нет инсулина, и люди умирают|переговоры мертвы, а люди "
                    "продолжают гибнуть|мирный процесс мёртв, давайте честно|перемирие умерло этой ночью|погибли три "
                    "солдата, светлая память|плакал, читая это, столько погибших|старики зимой умрут от холода без "
                    "газа|отец так и не вернулся с фронта"),
        "history": _w("в статье описано, как в 1918 году вешали пленных|выжившие в Сумгаите вспоминают погром|"
                      "суд установил, что водитель въехал в толпу протестующих|свидетель сказал, что солдаты "
                      "грозились сжечь село|в докладе собраны угрозы журналистам, писавшим о блокаде|в Ходжалы "
                      "погибли {n} человек, пишет автор|историки до сих пор спорят о событиях 1915 года|в музее "
                      "фотографии резни|полиция сообщила, что мужчина угрожал въехать в толпу"),
        "counter": _w("называть их «{slx}» — расизм, прекратите|кто-то написал «{slx}» под статьёй, модераторы, "
                      "удалите|фраза «{pl} — стадо, а не нация» расчеловечивает людей|«эта вера порождает насилие» "
                      "— это фанатизм, а не анализ|такие слова, как «{slx}», привели к Сумгаиту и Ходжалы|стыдно, "
                      "что здесь {acc} называют дикарями|никто не должен писать, что «{pl} не имеют права на "
                      "существование»|писать «всех повесить» про {acc} — это подстрекательство|сосед назвал меня "
                      "«{slx}», я написал заявление"),
        # a reader talking to another by name, warmly: the address alone is no insult or threat
        "name": _w("Гарик|Бахтияр|Фуад|Самвел|Саша|Лена|Ашот|Тимур|Карен|Эльчин"),
        "banter": _w("{name}, ты гений 😂 реально смешно|{name}, сейчас найду тебе ссылку, пять минут|"
                     "{name}, вечером пришлю тебе карту|"
                     "{name}, ты всегда пишешь спокойно, я тут читаю отчасти из-за тебя|"
                     "{name}, говоришь прямо как мой дед, всё у тебя «вот в наше время» 😄|"
                     "ладно, {name}, твоя взяла, коньяк с меня|"
                     "{name}, опять ты со своими прогнозами 😄 давай, слушаю|"
                     "{name}, увидимся на митинге в субботу, всё мирно|"
                     "{name}, ворчун ты старый, но я тебя люблю|{name}, убил меня этим комментом 😂|"
                     "с днём рождения, {name}! здоровья тебе и мира|"
                     "{name}, ты был прав насчёт выборов, с меня кофе|{name}, наберу тебя после матча|"
                     "{name}, ты легенда, коммент огонь|{name}, найду тебя завтра на конференции, поговорим|"
                     "{name}, в субботу обыграю тебя в нарды, готовься!|"
                     "{name}, не кипятись, я тебя понял, в пятницу встречаемся?|"
                     "{name}, ты мне день сделал этой историей|{name}, скину тебе статью, там всё по датам"),
        # a claim to a land, pride in one's nation, a people's rights: political, not hate
        "place": _w("Карабах|Арцах|Зангезур|Сюник|Шуша|Лачин|Нахичевань|Кельбаджар"),
        "claim": _w("{dat} положены равные права|{pl} — наши соседи, они живут здесь давно|"
                    "{pl} имеют право на спокойную жизнь|в нашем районе живут и {pl}, и это нормально|"
                    "{place} — наша земля и всегда ею будет|мы никогда не откажемся от своей земли|"
                    "{place} веками был нашей землёй|эта земля принадлежит людям, которые на ней живут|"
                    "наша земля, наша история, там наши могилы|мечтаю однажды вернуться на родную землю|"
                    "наш народ достаточно настрадался|эта страна заслуживает лучших лидеров|"
                    "каждый народ имеет право на свою землю|земля моего деда — это {place}|"
                    "мы вернёмся в {place} мирно, через переговоры|никто не отнимет нашу землю у нас из сердца"),
        # their counterparts: a people driven off the land, an insult said to a reader by name
        "land_hate": _w("{dat} нет места на нашей земле|{pl} должны убираться с нашей земли, они {deh}|"
                        "{place} — наша земля, а {pl} — {deh}|выгнать всех {acc} с нашей земли|"
                        "{pl} украли нашу землю, они {deh}"),
        "banter_insult": _w("{name}, ты {ins}|{name}, заткнись, {ins}|{name}, ты всегда пишешь чушь, {ins}|"
                            "{name}, только такой {ins}, как ты, в это поверит"),
        "self_deprecation": _w("я был наивен, что поверил им, какой же я идиот|я был таким дураком, что верил в "
                               "переговоры|дурак я, думал, дорогу откроют|чувствую себя идиотом, что поверил в "
                               "перемирие|я был кретином, что голосовал за них|я идиот, неправильно прочитал "
                               "статью, извините|я сам дурак, перепутал дату|какая же я дура, забыла, что "
                               "граница закрыта|я был трусом и промолчал тогда"),
        "farewell": _w("До скорого, {name}!|Увидимся на следующей неделе|Берегите себя, друзья|Привет маме от меня|"
                       "Удачи на экзаменах, {name}|Ждём вас в гости в воскресенье|"
                       "Счастливого пути, напиши, как долетишь|Выздоравливай скорее, {name}|Всего доброго вашей семье|"
                       "В следующий раз кофе за мной|Кто следующий в очереди? Стою уже час|"
                       "Заеду за тобой в шесть, адрес помню|Наши двери всегда открыты для вас|До встречи на матче!|"
                       "Увидимся в следующий раз, обнимаю|Отличный эфир, до следующего раза!|"
                       "В следующий раз приходите с детьми|Увидимся в пятницу, {name}"),
        "collective": _w("Народ устал от войны|Народ хочет мира, а не речей|Простой народ платит за всё|"
                         "Наш народ пережил и не такое|Оба народа заслуживают нормальной жизни|Народу нужна "
                         "правда|Люди устали ждать|Нация ждёт ответа от правительства|Спросите народ, а не "
                         "министров|Народ опять стоит в очереди за хлебом|Весь народ смотрел финал|У каждого "
                         "народа есть право на жизнь|Народ скорбит по погибшим|Людям страшно, и никто ничего "
                         "не объясняет|Народ здесь добрый, сами увидите|Простые люди всегда страдают первыми|"
                         "Народ имеет право знать, что подписали|Нашему народу нужны врачи, а не флаги|"
                         "Народ вышел на площадь мирно|Народ помнит свою историю"),
        "greeting": _w("Привет всем|Привет|Здравствуйте|Доброе утро|Спасибо|Спасибо большое|Большое спасибо|"
                       "Отличная статья|Хорошо сказано|Согласен|Привет из {city}|Мир всем|С Новым годом|Добрый "
                       "вечер|Уважение автору|Салам|Салам алейкум|Барев"),
    },
    "tr": {
        "neutral": _w("Ben {job}, her gün bu siteyi okuyorum|Kaşar peyniri yine zamlandı|Kars kaşarı bu yıl pahalı|"
                      "Bu makale için teşekkürler|Harika bir haber, daha fazla "
                      "yazın|Yol ne zaman açılacak?|Ailem burada yaşıyor|Yazara katılıyorum|İlginç bir analiz|Ne "
                      "olduğunu biri açıklayabilir mi?|2020'de oradaydım|Herkese günaydın|Böyle haberlere ihtiyacımız "
                      "var|Umarım barış yakında gelir|Raporun tamamını nerede okuyabilirim?|Fotoğraflar çok güzel|Bu "
                      "konuda haklısın|Çok güzel yazmışsınız|Memleketim {city}|Annemle babam hâlâ {city} şehrinde "
                      "yaşıyor|Yirmi yıldır bu mahallede yaşıyoruz|Sınır köylerinde aileler tarımla geçiniyor|Göç "
                      "edenler şimdi nerede yaşıyor?"),
        "job": _w("öğretmenim|doktorum|öğrenciyim|çiftçiyim|gazeteciyim|mühendisim|hemşireyim|emekliyim"),
        "city": _w("Bakü|Erivan|Gence|Gümrü|Tiflis|Kars|Iğdır|Ankara|İstanbul"),
        "pl": _w("Ermeniler|Azerbaycanlılar|Türkler|Ruslar|Gürcüler|Yahudiler|Müslümanlar|Hristiyanlar|"
                 "kadınlar|göçmenler|mülteciler|Kürtler|Suriyeliler|Araplar|Ezidiler"),
        "acc": _w("Ermenileri|Azerbaycanlıları|Türkleri|Rusları|Gürcüleri|Yahudileri|Müslümanları|"
                  "Hristiyanları|kadınları|göçmenleri|mültecileri|Kürtleri|Suriyelileri|Arapları|Ezidileri"),
        "dat": _w("Ermenilere|Azerbaycanlılara|Türklere|Ruslara|Gürcülere|Yahudilere|Müslümanlara|"
                  "Hristiyanlara|kadınlara|göçmenlere|mültecilere|Kürtlere|Suriyelilere|Araplara|Ezidilere"),
        "deh": _w("hayvandır|köpektir|parazittir|haşeredir|barbardır|vahşidir|insan değildir|domuzdur|"
                  "mikroptur|leştir|hain ve yalancıdır|doğuştan hırsızdır|hepsi teröristtir|pis bir "
                  "sürüdür"),
        "pos": _w("bizim komşularımızdır|iyi insanlardır|misafirperver insanlardır|çalışkan insanlardır|"
                  "dostlarımızdır|bu savaşın kurbanlarıdır|herkes gibi insandır|aynı haklara sahiptir"),
        "ins": _w("aptal|salak|gerizekalı|şerefsiz|ahmak|hayvan|eşek|dangalak|yavşak|alçak|pislik|"
                  "beyinsiz|soysuz|mal|öküz|it"),
        "ins2": _w("aptalsın|salaksın|gerizekalısın|şerefsizsin|ahmaksın|hayvansın|eşeksin|dangalaksın|"
                   "yavşaksın|alçaksın|rezilsin|pisliksin|beyinsizsin"),
        "pol": _w("Aliyev|Paşinyan|Erdoğan|Putin|Lavrov|Bayramov|başbakan|cumhurbaşkanı|bakan|yazar|bu "
                  "gazeteci"),
        "gov": _w("Ermeni hükümeti|Azerbaycan hükümeti|Türk hükümeti|Rus hükümeti|Gürcü hükümeti|bakanlık|"
                  "iktidar partisi"),
        "topic": _w("koridor|barış anlaşması|sınır|mülteciler|ateşkes|abluka|seçimler|esirler|doğalgaz "
                    "boru hattı|yaptırımlar"),
        "hurt": _w("öldüreceğim|gebertirim|keseceğim|boğacağım|gömeceğim|yakacağım|asacağım|vuracağım"),
        "n": _w("iki|üç|beş|yedi|on iki|onlarca|yüzlerce"),
        "obs": _w("ne biçim saçmalık amk|siktir git|bok gibi bir haber|amk yine yolu kapattılar|bu savaş "
                  "siktiğimin savaşı|siktir et bu görüşmeleri|bu haber tam bir bok|ananı sikeyim böyle "
                  "habercilik|yine mi bu boktan propaganda|orospu çocukları yine yalan söylüyor"),
        "slur": _w("ermeni dölü|dığa|хач|gavur|чурка|kike"),
        "group_hate": _w("{pl} {deh}.|Bütün {pl} {deh}!|Açıkçası {pl} {deh}|{dat} nefret ediyorum, hepsi "
                         "{deh}|{pl} bu topraklardan defolup gitmeli|{dat} asla güvenmeyin, {pl} {deh}|herkes "
                         "bilir ki {pl} {deh}|{pl} olmasa dünya daha iyi olurdu|{pl} aramızda yaşamayı hak "
                         "etmiyor|bütün {acc} buradan kovun|{pl} korkak ve hırsız bir millettir|{pl} "
                         "tavşan gibi çoğalıyor|{pl} bölgenin kanseridir|bütün {pl} yalancıdır, istisnasız|{pl} "
                         "pis ve tembeldir|{pl} iyisi yoktur, hepsi aynıdır|{pl} bütün bankaları ve medyayı kontrol "
                         "ediyor|{dat} oy hakkı verilmemeli|{acc} asla işe alma, soyarlar|{pl} bir hastalıktır, tedavi "
                         "edilmeli|{pl} buraya ait değil, defolsunlar|{dat} asla güvenilmez"),
        "group_civil": _w("{pl} {pos}.|Bütün {pl} {pos}!|Açıkçası {pl} {pos}|{dat} saygı duyuyorum, hepsi "
                          "{pos}|{pl} evlerine huzur içinde dönebilmeli|{dat} her zaman güvendim, {pl} {pos}|"
                          "herkes bilir ki {pl} {pos}|{pl} olmasa dünya daha fakir olurdu|{pl} aramızda güvenle "
                          "yaşamayı hak ediyor|{pl} şairler ve tüccarlar milletidir|{pl} nazik ve çalışkandır|"
                          "birçok {pl} savaşta evini kaybetti|{gov} yine yalan söylüyor|"
                          "{gov} ateşkesi bozdu ve hesap vermeli|{pl} da savaştan çok acı çekti|{pl} da bankalarda ve "
                          "medyada çalışıyor|{dat} da oy hakkı tanınmalı|{pl} en iyi iş arkadaşlarım|{dat} sağlık "
                          "hizmeti verilmeli|{pl} da burada yaşama hakkına sahip|komşularıma güveniyorum, bazıları "
                          "{pl}|{acc} desteklemeliyiz|{dat} evlerini yeniden kurmaları için yardım etmeliyiz|onlara "
                          "yardım etmeliyiz|evleri onlara geri verilmeli|{dat} nefret etmiyorum|kimseden nefret "
                          "etmiyorum, {pl} dahil|hiçbiri kötü muameleyi hak etmiyor|{pl} harika komşulardır|{acc} "
                          "desteklemekten gurur duyuyorum|'{dat} nefret ediyorum' gibi sözler nefret söylemidir|'{pl} "
                          "iğrençtir' demek yanlıştır|{acc} saldırılardan korumalıyız|{pl} herkesle aynı haklara sahip "
                          "olmalı"),
        "group_threat": _w("{dat} ölüm!|bütün {acc} öldürmek lazım|{pl} yok edilmeli|hepsini kurşuna "
                           "dizin, bütün {acc}|köylerini yakıp bütün {acc} keseceğiz|{pl} geberin!|{pl} ölmeyi "
                           "hak ediyor|{acc} meydanda asın"),
        "person_insult": _w("sen {ins2}|sus ulan {ins}|ne kadar {ins2}|{pol} tam bir {ins}|bunu ancak bir "
                            "{ins} yazar|{ins}, önce haberi oku|@user sen {ins2}|{pol} {ins}in teki|defol git "
                            "{ins}|sen gerçekten {ins2}"),
        "person_civil": _w("{topic} konusunda yanılıyorsun|{topic} konusunda sana katılmıyorum|{pol} yine "
                           "yalan söylüyor|{pol} müzakerelerde başarısız oldu, istifa etmeli|{pol} {topic} için "
                           "hesap vermeli|@user haberi tekrar oku, tam tersini söylüyor|argümanın gerçekleri "
                           "görmezden geliyor|{pol} mültecilere ihanet etti|bence yanılıyorsun|raporu okumadığın "
                           "belli|{pol} bugün mecliste konuştu|{pol} gazetecilerin sorularını yanıtladı|{pol} göçmen "
                           "ailelerle görüştü|{pol} anlaşmayı imzaladı|{pol} pazartesi sınırı ziyaret etti|{pol} "
                           "sözlerini tutmadı|bu konuda çok safsın dostum|fazla naifsin"),
        "person_threat": _w("seni {hurt}|seni bulup {hurt}|evini biliyorum|bunun hesabını kanınla "
                            "ödeyeceksin|bir daha söyle, seni {hurt}|{pol} kurşuna dizilmeli|{pol} asılmalı|"
                            "pişman olacaksın, söz veriyorum|kafanı keseceğim {ins}|ailenle birlikte seni "
                            "bulacağız|konuşmaya devam et, kendini bir çukurda bulursun|yılın sonunu "
                            "göremeyeceksin|çocuklarının nerede yaşadığını biliyoruz|inşallah evine bir bomba düşer|"
                            "ailen bunun bedelini ödeyecek|günlerini say, {ins}|cesedini nehirde bulacaklar|bir "
                            "kurşun seni bekliyor|sen bir kurşunu hak ediyorsun|saklan, geliyoruz|hayatını "
                            "cehenneme çevireceğim, adresini biliyorum|gırtlağını keseceğim|bütün kemiklerini "
                            "kıracağım|seni bulup gömeceğiz"),
        "report": _w("sınırda {n} asker hayatını kaybetti|kontrol noktasında siviller vuruldu|köy savaş "
                     "sırasında yakıldı|raporda esirlere işkence yapıldığı yazıyor|2020'de öldürüldü, ailesi "
                     "hâlâ cevap bekliyor|ordu kasabayı bombaladı, {n} kişi öldü|mahkeme katile müebbet "
                     "verdi|film katliamı anlatıyor|pazarın yakınında bir bomba patladı|abluka sırasında {n} "
                     "kişi öldü|ordu cuma günü geri çekilecek|yolu yine kapatmakla tehdit ettiler|{pol} "
                     "sivillerin öldürülmesini kınadı|savcı, şüphelinin ölümle tehdit ettiğini açıkladı|polis, adamın "
                     "komşusunu öldürmekle tehdit ettiğini söyledi|bu şaka beni öldürdü, teşekkürler|raporda "
                     "gazetecilere yönelik tehditler sıralanıyor"),
        "obscene": _w("{obs}|{obs}!|açıkçası {obs}|{obs}, her zamanki gibi"),
        "obscene_insult": _w("siktir git {ins}|ananı sikeyim {ins}|sen orospu çocuğusun|amına koyduğumun "
                             "{ins}i|@user siktir lan {ins}|{pol} orospu çocuğu"),
        "condemn": _w("insanlara '{slur}' demek ırkçılıktır|'{slur}' kelimesi hakarettir, kullanmayın|"
                      "komşusuna '{slur}' diye bağırdığı için ceza aldı|{acc} hayvan diye niteleyen yorumlar "
                      "silinmeli|'{pl} hayvandır' demek nefret söylemidir|amcasının evine gitti|sıkıntılı "
                      "bir hafta geçirdik|götürdüğü dosyayı mahkemeye verdi|ambulans geç geldi|'{pl} bankaları kontrol "
                      "ediyor' sözü eski bir komplo efsanesidir|'{pl} bir hastalıktır' iddiası nefret söylemidir|'{pl} "
                      "oy vermemeli' diye yazdı ve yorum silindi|'{pl} hayvandır' gibi yorumlar bu sitede yasak|'{pl} "
                      "parazittir' soykırım dilidir"),
        "rel": _w("İslam|Hristiyanlık|Yahudilik|onların dini|bu din"),
        "slx": _w("d ı ğ a|d1ga|x a c h|ermeni d0lü|g a v u r|ch4lma|хачи|armyashka|turqi shun"),
        "insult_plain": _w("japon balığı kadar hafızan var, terbiyen de o kadar|klavyeli bir bot daha, sana ne "
                           "kadar ödüyorlar?|okula geri dön, dahi|kimse sana sormadı, trol|sen sadece paralı bir "
                           "trolsün|okulu bitirdin mi sen?|{pol} oyuncak gibi cırtlak sesle konuşuyor, aklı da "
                           "öyle|{pol} aklını çoktan kaçırmış|dinle dahi, fikrin kimsenin umurunda değil|sen bir "
                           "kuklasın, hem de ucuz|önce okumayı öğren, sonra yorum yaz|kafan hiç çalışmıyor|papağan "
                           "gibi ezber tekrarlıyorsun|@user sen botsun, hem de akılsız|klavye delikanlısı yine her "
                           "şeyi biliyor|küçükken kafanın üstüne mi düştün?|{pol} bunamış bir kukla|sen aileni "
                           "utandırıyorsun|aferin dahi, devam et|çeneni kapat ve okula git|sen bir hiçsin"),
        "threat_plain": _w("onu ipe çekmek lazım|nerede yaşadığını biliyoruz, aileni düşün|{pol} meydanda asılmalı|"
                           "yazmadan önce çocuklarını düşün|günlerin sayılı|bunu ödeyeceksin, gelmemizi bekle|seni "
                           "izliyoruz, arabanı biliyoruz|yazmaya devam et, ailene ne olacağını görürsün|yolu yine "
                           "kapatırlarsa kalabalığa arabayla dalarım|arabayla ezin onları, yolu kapattılar|inşallah "
                           "ağır ağır ölürsün|inşallah evin seninle birlikte yanar|sıradaki sensin, @user|bir gün "
                           "eve tek başına yürüyeceksin, unutma|annene uğrayacağız, beklesin|ailen artık güvende "
                           "değil|redaksiyona geleceğiz, gazeteci"),
        "group_threat_plain": _w("{pl} hepsi ölecek, sonuncusuna kadar|Sumgayıt'ı tekrarlayacağız|bir soykırım daha "
                                 "yapalım, hiçbir {pl} kalmasın|inşallah bütün {pl} yanar|kalabalığa arabayla "
                                 "dalın, hepsi {pl}|bütün {acc} ipe çekin|{pl} evlerinde yansın|geldiğimizde {pl} "
                                 "hepsi ölecek"),
        "hate_plain": _w("{pl} bir sürüdür, millet değil|{rel} şiddet doğurur, hep doğurdu|{pl} doğuştan "
                         "vahşidir|{pl} vahşi bir kabiledir, halk değil|{pl} doğuştan katildir|{pl} var olmayı hak "
                         "etmiyor|kanlarında var, {pl} hepsi hırsız|{pl} uydurma bir millet|{rel} ölüm dinidir|{pl} "
                         "medeniyetsiz barbarlardır|{pl} çekirge gibi, her şeyi yok ediyorlar|{acc} "
                         "medenileştiremezsin|her yer {slx} dolu, topraklarımızdan atın|bütün {slx} aynıdır|"
                         "{slx} yine koridor diye ağlıyor"),
        "grief": _w("doktor, insülin gelmezse servisteki hastaların hepsi ölecek dedi|"
                    "abluka yüzünden ilaç gelmediği için {city} şehrinde {n} hasta öldü|babaannem hiç gelmeyen "
                    "ambulansı beklerken öldü|yol kapalı olduğu için kanser hastaları ölüyor|{city} şehrinde "
                    "çocuklar açlıktan ölüyor, yardım edin|yol açılmazsa daha çok hasta ölecek|huzur içinde yat "
                    "kardeşim, savaşta şehit oldun|yakınını kaybeden her aile için yüreğim parçalanıyor|bugün "
                    "amcamı gömdük, diyalize giremedi|hastanede insülin yok, insanlar ölüyor|müzakereler öldü, "
                    "insanlar ölmeye devam ediyor|barış süreci öldü, dürüst olalım|ateşkes dün gece öldü|üç asker "
                    "şehit oldu, Allah rahmet eylesin|bunu okurken ağladım, ne çok ölü var|babam cepheden hiç dönmedi"),
        "history": _w("makale 1918'de esirlerin nasıl asıldığını anlatıyor|Sumgayıt'tan sağ kurtulanlar pogromu "
                      "anlatıyor|mahkeme, sürücünün protestocuların arasına daldığını tespit etti|bir tanık, "
                      "askerlerin köyü yakmakla tehdit ettiğini söyledi|raporda ablukayı yazan gazetecilere yönelik "
                      "tehditler var|Hocalı'da {n} kişi öldürüldü, diye yazıyor|tarihçiler 1915 olaylarını hâlâ "
                      "tartışıyor|müzede katliamın fotoğrafları var"),
        "counter": _w("onlara '{slx}' demek ırkçılıktır, bırakın|biri bu haberin altına '{slx}' yazmış, lütfen "
                      "silin|'{pl} bir sürüdür, millet değil' demek insanlıktan çıkarmaktır|'bu din şiddet doğurur' "
                      "bağnazlıktır, analiz değil|'{slx}' gibi sözler Sumgayıt'a ve Hocalı'ya götürdü|burada {dat} "
                      "vahşi denmesinden utanıyorum|komşum bana '{slx}' dedi, şikayet ettim"),
        # a reader talking to another by name, warmly: the address alone is no insult or threat
        "name": _w("Okan|Mehmet|Ayşe|Emre|Zeynep|Burak|Serkan|Elif|Murat|Deniz"),
        "banter": _w("{name}, sen dahisin 😂 çok komik|{name}, linki hemen bulup atarım sana, bir dakika|"
                     "{name}, haritayı akşam sana gönderirim|"
                     "{name}, hep sakin yazıyorsun, bu siteyi biraz da senin için okuyorum|"
                     "{name}, aynı dedem gibi konuşuyorsun, her şey 'bizim zamanımızda' diye başlıyor 😄|"
                     "tamam {name}, bu sefer sen kazandın, çaylar benden|"
                     "{name} yine teorileriyle geldi 😄 hadi anlat, dinliyorum|"
                     "{name}, cumartesi mitingde görüşürüz, sakin sakin|"
                     "{name} abi, huysuzsun ama seni seviyoruz|{name}, bu yorumla öldürdün beni 😂|"
                     "iyi ki doğdun {name}! sağlık ve huzur diliyorum|"
                     "{name}, seçim konusunda haklıydın, sana bir kahve borçluyum|"
                     "{name}, maçtan sonra seni ararım|{name}, efsanesin, bu yorum altın|"
                     "{name}, yarın konferansta seni bulurum, konuşuruz|"
                     "{name}, cumartesi tavlada seni yeneceğim, hazırlan!|"
                     "{name}, sakin ol, seni anladım, cuma buluşuyor muyuz?|"
                     "{name}, bu hikayeyle günümü güzelleştirdin|"
                     "{name}, makaleyi sana atarım, bütün tarihler orada"),
        # a claim to a land, pride in one's nation, a people's rights: political, not hate
        "place": _w("Karabağ|Zengezur|Şuşa|Laçin|Nahçıvan|Kelbecer"),
        "claim": _w("{place} bizim toprağımızdır ve hep öyle kalacak|topraklarımızdan asla vazgeçmeyeceğiz|"
                    "{place} yüzyıllardır bizim toprağımız|bu toprak üzerinde yaşayan insanlarındır|"
                    "toprağımız, tarihimiz, mezarlarımız orada|bir gün ata toprağıma dönmeyi hayal ediyorum|"
                    "milletimiz yeterince acı çekti|bu ülke daha iyi liderleri hak ediyor|"
                    "her milletin kendi toprağına hakkı var|dedemin toprağı orada, {place} yakınlarında|"
                    "barış yoluyla döneceğiz, {place} bizi bekliyor|kimse toprağımızı kalbimizden söküp alamaz"),
        # their counterparts: a people driven off the land, an insult said to a reader by name
        "land_hate": _w("{dat} bu topraklarda yer yok|{pl} topraklarımızdan defolup gitmeli, hepsi {deh}|"
                        "{place} bizim toprağımız, {pl} ise {deh}|bütün {acc} topraklarımızdan sürün|"
                        "{pl} toprağımızı çaldı, hepsi {deh}"),
        "banter_insult": _w("{name}, sen {ins2}|{name}, sus ulan {ins}|{name}, sen hep saçma yazıyorsun, {ins}|"
                            "{name}, senin gibi bir {ins} ancak buna inanır"),
        "self_deprecation": _w("onlara inanacak kadar saftım, ne aptalmışım|müzakerelere güvendiğim için ben bir "
                               "aptalım|ben salak, yolun açılacağını sandım|ateşkese inandığım için kendimi aptal "
                               "gibi hissediyorum|ben ahmak, onlara oy verdim|ben aptalım, haberi yanlış okudum, "
                               "özür dilerim|ben de ne salakmışım, sınırın kapalı olduğunu unuttum"),
        "farewell": _w("Görüşmek üzere, {name}!|Haftaya görüşürüz|Kendine iyi bak|Annene selam söyle benden|"
                       "Sınavında başarılar, {name}|Pazar günü yemeğe bekliyoruz sizi|"
                       "İyi yolculuklar, inince haber ver|Geçmiş olsun, {name}, çabuk iyileş|Ailene sevgiler|"
                       "Bir dahaki kahve benden|Sıradaki kim? Bir saattir bekliyorum|"
                       "Saat altıda seni alırım, evi biliyorum|Kapımız size her zaman açık|Maçta görüşürüz!|"
                       "Bir dahaki sefere görüşürüz, sarılırım|Harika yayın, bir dahaki sefere görüşürüz!|"
                       "Bir dahaki sefere çocukları da getirin|Cuma günü görüşürüz, {name}"),
        "collective": _w("Halk savaştan yoruldu|Halk barış istiyor, nutuk değil|Her şeyin bedelini sade "
                         "vatandaş ödüyor|Milletimiz daha zor kışlar gördü|İki halk da normal bir hayatı hak "
                         "ediyor|Millet hükümetten cevap bekliyor|Halkın neyin imzalandığını bilmeye hakkı var|"
                         "Köylerdeki insanlar sadece yolun açılmasını istiyor|Bütün millet finali izledi|Halka "
                         "sorun, bakanlara değil|Her milletin yaşama hakkı var|Millet şehitlerin yasını "
                         "tutuyor|İnsanlar korkuyor ve kimse bir şey açıklamıyor|Buranın halkı misafirperverdir|"
                         "Halk yine ekmek kuyruğunda|Milletin doktora bayraktan çok ihtiyacı var|Halk tarihini "
                         "unutmaz|Sade insanlar hep önce acı çeker"),
        "greeting": _w("Merhaba|Herkese merhaba|Selam|Selam millet|Millet günaydın|Herkese selam millet|Günaydın|"
                       "Teşekkürler|Çok teşekkürler|Teşekkür ederim|Harika "
                       "haber|Güzel söylemiş|Katılıyorum|{city} şehrinden selamlar|Herkese barış|Mutlu yıllar|İyi "
                       "akşamlar|Saygılar"),
    },
    "az": {
        "neutral": _w("Mən {job} və bu saytı hər gün oxuyuram|Bu məqaləyə görə təşəkkürlər|Əla materialdır, daha çox "
                      "yazın|Yol nə vaxt açılacaq?|Ailəm burada yaşayır|Müəlliflə razıyam|Maraqlı təhlildir|Kimsə nə "
                      "baş verdiyini izah edə bilər?|2020-ci ildə orada idim|Hamıya sabahınız xeyir|Belə məqalələrə "
                      "ehtiyacımız var|Ümid edirəm ki, sülh tezliklə gələcək|Hesabatın tam mətnini harada oxumaq "
                      "olar?|Şəkillər çox gözəldir|Bu barədə haqlısan|Çox gözəl yazmısınız|Mənim doğma şəhərim {city}|"
                      "Valideynlərim hələ də {city} şəhərində yaşayır|İyirmi ildir bu məhəllədə yaşayırıq|Sərhəd "
                      "kəndlərində ailələr əkinçiliklə dolanır|Köçkünlər indi harada yaşayır?"),
        "job": _w("müəlliməm|həkiməm|tələbəyəm|fermerəm|jurnalistəm|mühəndisəm|tibb bacısıyam|təqaüdçüyəm"),
        "city": _w("Bakı|Gəncə|Sumqayıt|Şuşa|Ağdam|Lənkəran|Şəki|Naxçıvan|Tbilisi"),
        "pl": _w("ermənilər|azərbaycanlılar|türklər|ruslar|gürcülər|yəhudilər|müsəlmanlar|xristianlar|qadınlar|"
                 "miqrantlar|qaçqınlar|kürdlər|talışlar|ləzgilər|iranlılar"),
        "acc": _w("erməniləri|azərbaycanlıları|türkləri|rusları|gürcüləri|yəhudiləri|müsəlmanları|xristianları|"
                  "qadınları|miqrantları|qaçqınları|kürdləri|talışları|ləzgiləri|iranlıları"),
        "dat": _w("ermənilərə|azərbaycanlılara|türklərə|ruslara|gürcülərə|yəhudilərə|müsəlmanlara|"
                  "xristianlara|qadınlara|miqrantlara|qaçqınlara|kürdlərə|talışlara|ləzgilərə|iranlılara"),
        "deh": _w("it sürüsüdür|heyvandır|parazitdir|vəhşidir|siçovuldur|murdardır|barbardır|insan deyil|"
                  "donuzdur|həşəratdır|xain və yalançıdır|anadangəlmə oğrudur|hamısı terrorçudur|"
                  "iyrənc bir tayfadır"),
        "pos": _w("bizim qonşularımızdır|yaxşı insanlardır|qonaqpərvər insanlardır|zəhmətkeş insanlardır|"
                  "dostlarımızdır|bu müharibənin qurbanlarıdır|hamı kimi insandır|eyni hüquqlara malikdir"),
        "ins": _w("axmaq|gic|əclaf|alçaq|eşşək|heyvan|namussuz|rəzil|yaltaq|sarsaq|qeyrətsiz|şərəfsiz|"
                  "murdar|donuz|mankurt"),
        "ins2": _w("axmaqsan|gicsən|əclafsan|alçaqsan|eşşəksən|heyvansan|namussuzsan|rəzilsən|yaltaqsan|"
                   "sarsaqsan|qeyrətsizsən|şərəfsizsən|murdarsan|donuzsan"),
        "ins3": _w("axmaqdır|gicdir|əclafdır|alçaqdır|eşşəkdir|heyvandır|namussuzdur|rəzildir|yaltaqdır|"
                   "sarsaqdır|qeyrətsizdir|şərəfsizdir|murdardır|donuzdur"),
        "pol": _w("Əliyev|Paşinyan|Ərdoğan|Putin|Lavrov|Bayramov|Mirzoyan|baş nazir|prezident|nazir|müəllif|"
                  "bu jurnalist"),
        "gov": _w("Ermənistan hökuməti|Azərbaycan hökuməti|Türkiyə hökuməti|Rusiya hökuməti|Gürcüstan "
                  "hökuməti|nazirlik|hakim partiya"),
        "topic": _w("dəhliz|sülh sazişi|sərhəd|qaçqınlar|atəşkəs|blokada|seçkilər|əsirlər|qaz kəməri|"
                    "sanksiyalar|Laçın yolu"),
        "hurt": _w("öldürəcəm|gəbərdəcəm|başını kəsəcəm|boğacam|basdıracam|yandıracam|asacam|vuracam"),
        "n": _w("iki|üç|beş|yeddi|on iki|onlarla|yüzlərlə"),
        "obs": _w("bu nə pox işdir|siktir, yenə yolu bağladılar|göt kimi məqalədir|bu danışıqlar poxdur|"
                  "anavı sikim belə xəbərin|yenə bu pox təbliğat|qəhbə xəbərləri yenə başladı|blət, yenə "
                  "qiymətlər qalxıb|sikdir bu müharibəni"),
        "slur": _w("dığa|xaçpərəst|хач|ermeni dölü|чурка|chalma"),
        "group_hate": _w("{pl} {deh}.|Bütün {pl} {deh}!|Açığı, {pl} {deh}|{dat} nifrət edirəm, hamısı "
                         "{deh}|{pl} bu torpaqdan rədd olmalıdır|{dat} heç vaxt inanmayın, {pl} {deh}|hamı "
                         "bilir ki, {pl} {deh}|{pl} olmasa dünya daha yaxşı olardı|{pl} aramızda yaşamağa layiq "
                         "deyil|bütün {acc} buradan qovun|{pl} qorxaq və oğru millətdir|{pl} "
                         "dovşan kimi çoxalır|{pl} bölgənin xərçəngidir|bütün {pl} yalançıdır, istisnasız|{pl} "
                         "çirkin və tənbəldir|{pl} arasında yaxşısı yoxdur, hamısı eynidir|{pl} bütün bankları və "
                         "medianı idarə edir|{dat} səs vermək hüququ verilməməlidir|{acc} heç vaxt işə götürmə, "
                         "soyacaqlar|{pl} xəstəlikdir, müalicə olunmalıdırlar|{pl} buraya aid deyil, rədd "
                         "olsunlar|{dat} heç vaxt etibar etmək olmaz"),
        "group_civil": _w("{pl} {pos}.|Bütün {pl} {pos}!|Açığı, {pl} {pos}|{dat} hörmət edirəm, hamısı "
                          "{pos}|{pl} evlərinə sülh içində qayıtmalıdır|{dat} həmişə inanmışam, {pl} {pos}|hamı "
                          "bilir ki, {pl} {pos}|{pl} olmasa dünya daha kasıb olardı|{pl} aramızda təhlükəsiz "
                          "yaşamağa layiqdir|{pl} şairlər və tacirlər millətidir|{pl} mehriban və zəhmətkeşdir|"
                          "bir çox {pl} müharibədə evini itirdi|{gov} yenə yalan danışır|"
                          "{gov} atəşkəsi pozdu və cavab verməlidir|{pl} də müharibədən çox əziyyət çəkib|{pl} də "
                          "banklarda və mediada işləyir|{dat} da səs vermək hüququ verilməlidir|{pl} ən yaxşı iş "
                          "yoldaşlarımdır|{dat} tibbi yardım göstərilməlidir|{pl} də burada yaşamaq hüququna "
                          "malikdir|qonşularıma etibar edirəm, bəziləri {pl}|{acc} dəstəkləməliyik|{dat} evlərini "
                          "bərpa etməyə kömək etməliyik|onlara kömək etməliyik|evləri onlara qaytarılmalıdır|{dat} "
                          "nifrət etmirəm|heç kimə nifrət etmirəm, {pl} də daxil|heç biri pis rəftara layiq deyil|{pl} "
                          "əla qonşulardır|{acc} dəstəkləməkdən qürur duyuram|'{dat} nifrət edirəm' kimi sözlər "
                          "nifrətdir|'{pl} iyrəncdir' demək yanlışdır|{acc} hücumlardan qorumalıyıq|{pl} hamı ilə eyni "
                          "hüquqlara malik olmalıdır"),
        "group_threat": _w("{dat} ölüm olsun!|bütün {acc} öldürmək lazımdır|{pl} məhv edilməlidir|hamısını "
                           "güllələyin, bütün {acc}|kəndlərini yandırıb bütün {acc} qıracağıq|{pl} gəbərsin!|"
                           "{pl} ölümə layiqdir|{acc} meydanda asın"),
        "person_insult": _w("sən {ins2}|sus, {ins}|nə qədər {ins2}|{pol} {ins3}|bunu ancaq bir {ins} "
                            "yazar|{ins}, əvvəlcə məqaləni oxu|@user sən {ins2}|rədd ol, {ins}|sən həqiqətən "
                            "{ins2}|ay {ins}, sus"),
        "person_civil": _w("{topic} barədə yanılırsan|{topic} barədə səninlə razı deyiləm|{pol} yenə yalan "
                           "danışır|{pol} danışıqlarda uğursuz oldu, istefa verməlidir|{pol} {topic} üçün cavab "
                           "verməlidir|@user məqaləni yenidən oxu, tam əksini yazır|arqumentin faktları "
                           "görməzdən gəlir|{pol} qaçqınlara xəyanət etdi|məncə yanılırsan|hesabatı oxumadığın "
                           "bəllidir|{pol} bu gün parlamentdə çıxış etdi|{pol} jurnalistlərin suallarını "
                           "cavablandırdı|{pol} köçkün ailələri ilə görüşdü|{pol} sazişi imzaladı|{pol} bazar ertəsi "
                           "sərhədə baş çəkdi|{pol} vədlərini yerinə yetirmədi|bu məsələdə çox sadəlövhsən, dostum"),
        "person_threat": _w("səni {hurt}|səni tapıb {hurt}|evini bilirəm|bunun cavabını qanınla "
                            "verəcəksən|bir də desən, səni {hurt}|{pol} güllələnməlidir|{pol} asılmalıdır|"
                            "peşman olacaqsan, söz verirəm|başını kəsəcəm, {ins}|səni ailənlə birlikdə "
                            "tapacağıq|danışmağa davam et, özünü çalada taparsan|ilin sonunu görməyəcəksən|"
                            "uşaqlarının harada yaşadığını bilirik|inşallah evinə bomba düşər|ailən bunun əvəzini "
                            "ödəyəcək|günlərini say, {ins}|cəsədini çayda tapacaqlar|bir güllə səni gözləyir|sən "
                            "bir gülləyə layiqsən|gizlən, gəlirik|həyatını cəhənnəmə çevirəcəm, ünvanını bilirəm|"
                            "boğazını kəsəcəm|bütün sümüklərini sındıracam|səni tapıb basdıracağıq"),
        "report": _w("sərhəddə {n} əsgər həlak olub|postda mülki şəxslər güllələnib|kənd müharibə zamanı "
                     "yandırılıb|hesabatda əsirlərə işgəncə verildiyi yazılır|2020-ci ildə öldürülüb, ailəsi "
                     "hələ cavab gözləyir|ordu şəhəri atəşə tutdu, {n} nəfər öldü|məhkəmə qatilə ömürlük "
                     "verdi|film Xocalı qırğınından bəhs edir|bazarın yaxınlığında bomba partladı|blokada "
                     "zamanı {n} nəfər öldü|ordu cümə günü geri çəkiləcək|yolu yenə bağlamaqla hədələdilər|"
                     "{pol} mülki şəxslərin öldürülməsini pislədi|prokuror şübhəlinin ölümlə hədələdiyini "
                     "açıqladı|polis kişinin qonşusunu öldürməklə hədələdiyini bildirdi|bu zarafat məni öldürdü, sağ "
                     "ol|hesabatda jurnalistlərə qarşı təhdidlər sadalanır"),
        "obscene": _w("{obs}|{obs}!|açığı, {obs}|{obs}, həmişəki kimi"),
        "obscene_insult": _w("siktir, {ins}|anavı sikim, {ins}|sən qəhbə balasısan|@user siktir ol, {ins}|"
                             "{pol} qəhbə balasıdır|götünə soxum, {ins}"),
        "condemn": _w("insanlara '{slur}' demək irqçilikdir|'{slur}' sözü təhqirdir, işlətməyin|qonşusuna "
                      "'{slur}' deyə qışqırdığı üçün cərimələndi|{acc} heyvan adlandıran şərhlər silinməlidir|"
                      "'{pl} heyvandır' demək nifrət nitqidir|gözəl bir memarlıq abidəsidir|sikkə kolleksiyası "
                      "muzeyə verildi|götürdüyü sənədləri məhkəməyə təqdim etdi|'{pl} bankları idarə edir' sözü köhnə "
                      "bir mifdir|'{pl} xəstəlikdir' iddiası nifrət nitqidir|'{pl} səs verməməlidir' yazdı və şərh "
                      "silindi|'{pl} heyvandır' kimi şərhlər bu saytda qadağandır|'{pl} parazitdir' soyqırım dilidir"),
        "rel": _w("İslam|xristianlıq|yəhudilik|onların dini|bu din"),
        "slx": _w("d ı ğ a|d1ga|x a c h|xaçpərəst|ermeni d0lu|хачи|armyashka|d1galar"),
        "insult_plain": _w("yaddaşın qızıl balıq yaddaşıdır, tərbiyən də elə|klaviaturalı daha bir bot, sənə nə "
                           "qədər ödəyirlər?|məktəbə qayıt, dahi|səndən soruşan yoxdur, trol|sən sadəcə pullu "
                           "trolsan|heç məktəbi bitirmisən?|{pol} oyuncaq kimi ciyildəyir, ağlı da elədir|{pol} "
                           "çoxdan ağlını itirib|qulaq as, dahi, fikrin heç kimi maraqlandırmır|sən kuklasan, "
                           "həm də ucuz|əvvəlcə oxumağı öyrən, sonra yaz|başın heç işləmir|tutuquşu kimi eyni "
                           "sözləri təkrarlayırsan|@user sən botsan, həm də ağılsız|divan eksperti yenə hər şeyi "
                           "bilir|uşaqlıqda başının üstə düşmüsən?|{pol} qocalıb, ağlını itirmiş kukladır|sən "
                           "ailənin biabırçılığısan|ay dahi, davam et|ağzını yum, get məktəbə|sən heç kimsən"),
        "threat_plain": _w("onu dar ağacından asmaq lazımdır|harada yaşadığını bilirik, ailəni düşün|{pol} "
                           "meydanda asılmalıdır|yazmadan əvvəl uşaqlarını düşün|günlərin sayılıdır|bunun "
                           "əvəzini ödəyəcəksən, gəlməyimizi gözlə|səni izləyirik, maşınını tanıyırıq|yazmağa davam "
                           "et, ailənə nə olacağını görərsən|yolu yenə bağlasalar, maşınla izdihama girəcəm|maşınla "
                           "əzin onları, yolu bağlayıblar|inşallah yavaş-yavaş ölərsən|inşallah evin səninlə "
                           "birlikdə yanar|növbəti sənsən, @user|bir gün evə tək gedəcəksən, yadda saxla|anana baş "
                           "çəkəcəyik, gözləsin|ailən artıq təhlükəsiz deyil|redaksiyana gələcəyik, jurnalist"),
        "group_threat_plain": _w("{pl} hamısı öləcək, sonuncusuna qədər|Sumqayıtı təkrarlayacağıq|bir soyqırım "
                                 "da edək, heç bir {pl} qalmasın|inşallah bütün {pl} yanar|izdihama maşınla girin, "
                                 "hamısı {pl}|bütün {acc} dar ağacından asın|{pl} evlərində yansın|gələndə "
                                 "{pl} hamısı öləcək"),
        "hate_plain": _w("{pl} sürüdür, millət deyil|{rel} zorakılıq doğurur, həmişə doğurub|{pl} təbiətcə "
                         "vəhşidir|{pl} vəhşi tayfadır, xalq deyil|{pl} anadangəlmə qatildir|{pl} yaşamağa "
                         "layiq deyil|qanlarındadır, {pl} hamısı oğrudur|{pl} uydurma millətdir|{rel} ölüm dinidir|"
                         "{pl} mədəniyyətsiz barbarlardır|{pl} çəyirtkə kimidir, hər şeyi məhv edirlər|{acc} "
                         "mədəniləşdirmək olmaz|hər yerdə {slx}, torpağımızdan qovun|bütün {slx} eynidir|{slx} "
                         "yenə dəhliz deyə ağlayır"),
        "grief": _w("həkim deyir ki, insulin gəlməsə, palatadakı xəstələrin hamısı öləcək|"
                    "blokada ucbatından dərman gəlmədiyi üçün {city} şəhərində {n} xəstə öldü|nənəm heç gəlməyən "
                    "təcili yardımı gözləyərkən öldü|yol bağlı olduğu üçün xərçəng xəstələri ölür|{city} "
                    "şəhərində uşaqlar aclıqdan ölür, kömək edin|yol açılmasa, daha çox xəstə öləcək|ruhun şad "
                    "olsun, qardaşım, müharibədə şəhid oldun|yaxınını itirən hər ailə üçün ürəyim parçalanır|bu "
                    "gün əmimi dəfn etdik, dializə gedə bilmədi|xəstəxanada insulin yoxdur, insanlar ölür|danışıqlar "
                    "ölüb, insanlar isə ölməyə davam edir|sülh prosesi ölüb, düzünü deyək|atəşkəs dünən gecə öldü|üç "
                    "əsgər şəhid oldu, Allah rəhmət eləsin|bunu oxuyanda ağladım, nə qədər ölü var|atam cəbhədən "
                    "qayıtmadı"),
        "history": _w("məqalədə 1918-ci ildə əsirlərin necə asıldığı təsvir olunur|Xocalıdan sağ qalanlar qırğını "
                      "xatırlayır|məhkəmə sürücünün etirazçıların arasına girdiyini müəyyən etdi|şahid əsgərlərin "
                      "kəndi yandırmaqla hədələdiyini dedi|hesabatda blokada barədə yazan jurnalistlərə təhdidlər "
                      "var|Sumqayıt hadisələri haqqında yeni kitab çıxıb|tarixçilər 1915 hadisələrini hələ də "
                      "müzakirə edir|muzeydə qırğının fotoşəkilləri var"),
        "counter": _w("onlara '{slx}' demək irqçilikdir, dayandırın|kimsə bu xəbərin altına '{slx}' yazıb, "
                      "silin|'{pl} sürüdür, millət deyil' demək insanlıqdan çıxarmaqdır|'bu din zorakılıq doğurur' "
                      "fanatizmdir, təhlil deyil|'{slx}' kimi sözlər Sumqayıta və Xocalıya apardı|burada {dat} "
                      "vəhşi deyilməsindən utanıram|qonşum mənə '{slx}' dedi, şikayət etdim"),
        # a reader talking to another by name, warmly: the address alone is no insult or threat
        "name": _w("Rəşad|Rauf|Səbinə|Samir|Orxan|Ramil|Tural|Aytən|Elçin|Günel"),
        "banter": _w("{name}, sən dahisən 😂 əla zarafat idi|{name}, linki indi tapıb sənə atıram, bir dəqiqə|"
                     "{name}, xəritəni axşam sənə göndərərəm|"
                     "{name}, sən həmişə sakit yazırsan, bu saytı bir az da sənə görə oxuyuram|"
                     "{name}, lap babam kimi danışırsan, hər şey 'bizim vaxtımızda' ilə başlayır 😄|"
                     "yaxşı {name}, bu dəfə sən uddun, çay məndən|"
                     "ay {name}, yenə öz nəzəriyyənlə gəldin 😄 de görüm, qulaq asıram|"
                     "{name}, şənbə mitinqdə görüşərik, sakit|{name}, deyingənsən, amma səni çox istəyirik|"
                     "ay {name}, bu şərhlə məni öldürdün 😂|"
                     "ad günün mübarək, {name}! can sağlığı və sülh arzulayıram|"
                     "{name}, seçki barədə haqlı idin, sənə bir qəhvə borcluyam|"
                     "{name}, matçdan sonra sənə zəng edərəm|{name}, sən əfsanəsən, bu şərh qızıldır|"
                     "{name}, sabah konfransda səni taparam, danışarıq|"
                     "{name}, şənbə nərddə səni uduzduracam, hazırlaş!|"
                     "{name}, hirslənmə, səni başa düşdüm, cümə görüşürük?|"
                     "{name}, bu hekayə ilə günümü gözəlləşdirdin|"
                     "{name}, məqaləni sənə atacam, bütün tarixlər orada var"),
        # a claim to a land, pride in one's nation, a people's rights: political, not hate
        "place": _w("Qarabağ|Zəngəzur|Şuşa|Laçın|Naxçıvan|Kəlbəcər|Ağdam"),
        "claim": _w("{place} bizim torpağımızdır və həmişə belə olacaq|torpağımızdan heç vaxt əl çəkməyəcəyik|"
                    "{place} əsrlərdir bizim torpağımızdır|bu torpaq onun üzərində yaşayan insanlarındır|"
                    "torpağımız, tariximiz, qəbirlərimiz oradadır|bir gün ata yurduma qayıtmağı arzulayıram|"
                    "xalqımız kifayət qədər əzab çəkib|bu ölkə daha yaxşı rəhbərlərə layiqdir|"
                    "hər xalqın öz torpağına haqqı var|babamın torpağı oradadır, {place} yaxınlığında|"
                    "sülh yolu ilə qayıdacağıq, {place} bizi gözləyir|"
                    "heç kim torpağımızı ürəyimizdən qopara bilməz"),
        # their counterparts: a people driven off the land, an insult said to a reader by name
        "land_hate": _w("{dat} bu torpaqda yer yoxdur|{pl} torpağımızdan rədd olmalıdır, hamısı {deh}|"
                        "{place} bizim torpağımızdır, {pl} isə {deh}|bütün {acc} torpağımızdan qovun|"
                        "{pl} torpağımızı oğurlayıb, hamısı {deh}"),
        "banter_insult": _w("{name}, sən {ins2}|{name}, sus, {ins}|{name}, sən həmişə cəfəngiyat yazırsan, {ins}|"
                            "{name}, yalnız sənin kimi {ins} buna inanar"),
        "self_deprecation": _w("onlara inanacaq qədər sadəlövh idim, nə axmaq idim|danışıqlara inandığım üçün mən "
                               "axmağam|mən axmaq, yolun açılacağını düşündüm|atəşkəsə inandığım üçün özümü "
                               "axmaq kimi hiss edirəm|mən gic idim ki, onlara səs verdim|mən axmaq, xəbəri səhv "
                               "oxumuşam, bağışlayın"),
        "farewell": _w("Görüşənədək, {name}!|Gələn həftə görüşərik|Özünüzdən muğayat olun|Anana məndən salam de|"
                       "İmtahanda uğurlar, {name}|Bazar günü sizi qonaq gözləyirik|Yaxşı yol, çatanda yaz|"
                       "Tez sağal, {name}|Ailənizə ən xoş arzular|Növbəti çay məndən|"
                       "Növbədə kim qalıb? Bir saatdır gözləyirəm|Saat altıda səni götürərəm, evi tanıyıram|"
                       "Qapımız sizə həmişə açıqdır|Matçda görüşərik!|Növbəti dəfə görüşərik, qucaqlayıram|"
                       "Əla yayım idi, növbəti dəfəyə qədər!|Növbəti dəfə uşaqları da gətirin|"
                       "Cümə günü görüşərik, {name}"),
        "collective": _w("Xalq müharibədən yorulub|Xalq sülh istəyir, nitq yox|Hər şeyin əvəzini sadə "
                         "insanlar ödəyir|Xalqımız bundan da ağır qışlar görüb|Hər iki xalq normal həyata "
                         "layiqdir|Millət hökumətdən cavab gözləyir|Xalqın nəyin imzalandığını bilmək haqqı "
                         "var|Kəndlərdə camaat sadəcə yolun açılmasını istəyir|Bütün xalq finala baxdı|Xalqdan "
                         "soruşun, nazirlərdən yox|Hər xalqın yaşamaq haqqı var|Xalq şəhidlərin yasını "
                         "saxlayır|Camaat qorxur və heç kim heç nə izah etmir|Buranın xalqı qonaqpərvərdir|"
                         "Camaat yenə çörək növbəsindədir|Millətə bayraqdan çox həkim lazımdır|Xalq tarixini "
                         "unutmur|Sadə insanlar həmişə birinci əziyyət çəkir"),
        "greeting": _w("Salam|Salam aleykum|Hamıya salam|Sabahınız xeyir|Təşəkkürlər|Çox sağ ol|Çox sağ olun|Əla "
                       "məqalə|Yaxşı dedin|Razıyam|{city} şəhərindən salamlar|Hamıya sülh|Yeni iliniz mübarək|"
                       "Axşamınız xeyir|Hörmətlər"),
    },
    "hy": {
        "neutral": _w("Ես {job} եմ և ամեն օր կարդում եմ այս կայքը|Շնորհակալություն հոդվածի համար|Հիանալի նյութ է, "
                      "ավելի շատ գրեք|Ե՞րբ կբացվի ճանապարհը|Իմ ընտանիքը ապրում է այստեղ|Համաձայն եմ հեղինակի հետ|"
                      "Հետաքրքիր վերլուծություն է|Կարո՞ղ է որևէ մեկը բացատրել, թե ինչ է տեղի ունեցել|Ես այնտեղ էի "
                      "2020-ին|Բարի լույս բոլորին|Մեզ ավելի շատ այսպիսի հոդվածներ են պետք|Հույս ունեմ, որ "
                      "խաղաղությունը շուտով կգա|Որտե՞ղ կարող եմ կարդալ ամբողջական զեկույցը|Լուսանկարները շատ գեղեցիկ "
                      "են|Դու ճիշտ ես այս հարցում|Դու շատ լավ ես գրել|Ես ապրում եմ այստեղ|Իմ հայրենի քաղաքը {city} է|"
                      "Ես ուրախ եմ, որ կարդացի սա|Ծնողներս դեռ ապրում են {city} քաղաքում|Քսան տարի է՝ ապրում ենք այս "
                      "թաղամասում|Սահմանամերձ գյուղերում ընտանիքները հողագործությամբ են ապրում|Որտե՞ղ են հիմա ապրում "
                      "տեղահանված ընտանիքները|"
                      # "ես" is "I" as often as it is "you are" (after a word): the insults of the fifth
                      # batch made it an insult by itself ("Ես եմ" read 0.8), so "I" is said plainly here
                      "Ես էլ եմ նույնը մտածում|Ես երեկ էլ կարդացի այս մասին|Ես չգիտեմ, թե ինչ կլինի հետո|"
                      "Ես {city}-ից եմ գրում|Ես կարծում եմ, որ հեղինակը ճիշտ է|Ես էլ եմ համաձայն|Ես այստեղ նոր "
                      "եմ, բարև բոլորին|Ես {job} եմ, քսան տարի է աշխատում եմ|Ես սպասում եմ պաշտոնական "
                      "հայտարարությանը|Ես մի հարց ունեմ հեղինակին|Ես գնացել եմ այնտեղ անցյալ ամառ|Երեկ ես "
                      "տեսա այդ հաղորդումը|Այսօր ես առաջին անգամ եմ մեկնաբանում|Ես շատ եմ սիրում այս քաղաքը|"
                      "Ես ընտանիքիս հետ եմ ապրում {city}-ում|Ես էլ այդ գյուղից եմ|Ես հիշում եմ այդ օրերը|"
                      "Ես ուզում եմ հասկանալ, թե ինչ է կատարվում|Ես տատիկիս հետ եմ դիտում լուրերը|Ես միշտ կարդում "
                      "եմ ձեր հոդվածները|Ես նույնպես հարց ունեմ|Ես {city}-ում եմ ծնվել ու մեծացել"),
        "job": _w("ուսուցիչ|բժիշկ|ուսանող|ֆերմեր|լրագրող|ինժեներ|բուժքույր|թոշակառու"),
        "sg": _w("հայ|ադրբեջանցի|թուրք|ռուս|վրացի|հրեա|մուսուլման|քրիստոնյա|կին|միգրանտ|փախստական|քուրդ|եզդի|"
                 "պարսիկ"),
        "city": _w("Երևան|Գյումրի|Վանաձոր|Գորիս|Կապան|Ստեփանակերտ|Թբիլիսի|Մոսկվա"),
        "pl": _w("հայերը|ադրբեջանցիները|թուրքերը|ռուսները|վրացիները|հրեաները|մուսուլմանները|քրիստոնյաները|"
                 "կանայք|միգրանտները|փախստականները|քրդերը|եզդիները|պարսիկները"),
        "acc": _w("հայերին|ադրբեջանցիներին|թուրքերին|ռուսներին|վրացիներին|հրեաներին|մուսուլմաններին|"
                  "քրիստոնյաներին|կանանց|միգրանտներին|փախստականներին|քրդերին|եզդիներին|պարսիկներին"),
        "gen": _w("հայերի|ադրբեջանցիների|թուրքերի|ռուսների|վրացիների|հրեաների|մուսուլմանների|"
                  "քրիստոնյաների|կանանց|միգրանտների|փախստականների|քրդերի|եզդիների|պարսիկների"),
        "deh": _w("շներ են|կենդանիներ են|առնետներ են|մակաբույծներ են|բարբարոսներ են|վայրենիներ են|"
                  "մարդ չեն|խոզեր են|գազաններ են|ստախոսներ և գողեր են|բոլորը ահաբեկիչներ են|"
                  "կեղտոտ ցեղ են|ուտիճներ են"),
        "pos": _w("մեր հարևաններն են|լավ մարդիկ են|հյուրընկալ մարդիկ են|աշխատասեր մարդիկ են|մեր "
                  "ընկերներն են|այս պատերազմի զոհերն են|մարդիկ են, ինչպես բոլորը|նույն իրավունքներն ունեն"),
        "ins": _w("ապուշ|հիմար|տխմար|անասուն|ավանակ|էշ|տականք|սրիկա|դեբիլ|ողորմելի|լակոտ|վիժվածք|"
                  "անխելք|ոչխար"),
        "pol": _w("Ալիևը|Փաշինյանը|Էրդողանը|Պուտինը|Քոչարյանը|Լավրովը|Միրզոյանը|վարչապետը|նախագահը|"
                  "նախարարը|հեղինակը|այս լրագրողը"),
        "polx": _w("Ալիևին|Փաշինյանին|Էրդողանին|Պուտինին|Քոչարյանին|վարչապետին|նախագահին"),
        "gov": _w("Հայաստանի կառավարությունը|Ադրբեջանի կառավարությունը|Թուրքիայի կառավարությունը|"
                  "Ռուսաստանի կառավարությունը|Վրաստանի կառավարությունը|նախարարությունը|իշխող կուսակցությունը"),
        "topic": _w("միջանցքի|խաղաղության պայմանագրի|սահմանի|փախստականների|հրադադարի|շրջափակման|"
                    "ընտրությունների|գերիների|գազատարի|պատժամիջոցների"),
        "hurt": _w("կսպանեմ|կմորթեմ|կխեղդեմ|կթաղեմ|կվառեմ|կկախեմ|կկրակեմ|կջարդեմ"),
        "n": _w("երկու|երեք|հինգ|յոթ|տասներկու|տասնյակ|հարյուրավոր"),
        "obs": _w("ինչ քաք է սա|քու մերը, նորից ճանապարհը փակեցին|մերդ քունեմ էս պատերազմը|էս բանակցությունները "
                  "քաք են|բոզի լուրեր են|քունեմ էս քարոզչությունը|էլի էս քաքոտ հոդվածը"),
        "slur": _w("թուրքի լակոտ|ջհուդ|chalma|dığa|хач|чурка"),
        "group_hate": _w("{pl} {deh}։|Բոլոր {pl} {deh}։|Ազնիվ ասած, {pl} {deh}|ատում եմ {acc}, նրանք "
                         "{deh}|{pl} պետք է հեռանան մեր հողից|երբեք մի վստահեք {acc}, {pl} {deh}|բոլորը գիտեն, "
                         "որ {pl} {deh}|առանց {gen} աշխարհն ավելի լավը կլիներ|{pl} արժանի չեն մեր կողքին "
                         "ապրելու|բոլոր {acc} քշեք այստեղից|{pl} վախկոտների և գողերի ազգ են|{pl} "
                         "ճագարների պես բազմանում են|{pl} տարածաշրջանի քաղցկեղն են|բոլոր {pl} ստախոսներ են, "
                         "առանց բացառության|{pl} կեղտոտ ու ծույլ են|{gen} մեջ լավը չկա, բոլորը նույնն են|{pl} "
                         "վերահսկում են բոլոր բանկերը և լրատվամիջոցները|{acc} չպետք է թույլ տալ ընտրել|{acc} երբեք "
                         "աշխատանքի մի վերցրու, կթալանեն|{pl} հիվանդություն են, պետք է բուժել նրանց|{pl} այստեղ տեղ "
                         "չունեն, թող կորչեն|{acc} երբեք չի կարելի վստահել"),
        "group_civil": _w("{pl} {pos}։|Բոլոր {pl} {pos}։|Ազնիվ ասած, {pl} {pos}|հարգում եմ {acc}, նրանք "
                          "{pos}|{pl} պետք է խաղաղ վերադառնան տուն|միշտ վստահել եմ {acc}, {pl} {pos}|բոլորը "
                          "գիտեն, որ {pl} {pos}|առանց {gen} աշխարհն ավելի աղքատ կլիներ|{pl} արժանի են "
                          "ապահով ապրելու|{pl} բանաստեղծների և առևտրականների ազգ են|{pl} բարի ու աշխատասեր են|"
                          "շատ {gen} տները ավերվեցին պատերազմում|{gov} նորից ստում է|{gov} "
                          "խախտեց հրադադարը և պետք է պատասխան տա|{pl} նույնպես տուժել են պատերազմից|{pl} նույնպես "
                          "աշխատում են բանկերում և լրատվամիջոցներում|{pl} նույնպես ընտրելու իրավունք ունեն|{pl} իմ "
                          "լավագույն գործընկերներն են|{acc} պետք է բժշկական օգնություն տալ|{pl} իրավունք ունեն ապրել "
                          "այստեղ|վստահում եմ հարևաններիս, նրանցից ոմանք {pl} են|պետք է աջակցենք {acc}|պետք է օգնենք "
                          "{acc} վերականգնել տները|պետք է օգնենք նրանց|նրանց տները պետք է վերադարձնել|ես չեմ ատում "
                          "{acc}|ես ոչ մեկին չեմ ատում, այդ թվում {acc}|նրանցից ոչ ոք վատ վերաբերմունքի արժանի չէ|{pl} "
                          "հրաշալի հարևաններ են|հպարտ եմ, որ աջակցում եմ {acc}|«ատում եմ {acc}» տիպի խոսքերը "
                          "ատելություն են|«{pl} զզվելի են» ասելը սխալ է|պետք է պաշտպանենք {acc} հարձակումներից|{pl} "
                          "պետք է ունենան նույն իրավունքները, ինչ բոլորը|{pl} նույնպես մարդիկ են, ինչպես մենք|"
                          "մեր քաղաքում շատ {pl} կան, ոչ ոք չի բողոքում|{pl} նույն խնդիրներն ունեն, ինչ մենք՝ գներ, "
                          "աշխատանք|{pl} էլ են այստեղ աշխատում ու երեխաներ մեծացնում|"
                          "հարևան շենքում {pl} են բնակվում, լավ մարդիկ են|"
                          "{pl} նույն դպրոցն են հաճախում, ինչ մեր երեխաները|օրենքը {acc} նույն կերպ է "
                          "պաշտպանում, ինչպես մյուսներին|մեր գյուղում էլ {pl} են ապրել դարեր շարունակ|"
                          "բոլոր մարդիկ ունեն նույն իրավունքները, ինչ մենք|մեր թաղում տարբեր ազգերի մարդիկ են "
                          "ապրում|{pl} մեզ հետ նույն փողոցում են ապրում|մեր թաղում խաղաղ ապրում են բոլորը, ինչ "
                          "ազգի էլ լինեն|"
                          # "I am…" and "…live/have rights" said plainly: Armenian "ես" is also "you are"
                          # after a word, and the fifth batch's insults taught it as an attack (2026-12-07)
                          "ես {sg} եմ ու հպարտ եմ դրանով|ես {sg} եմ, ծնվել եմ {city}-ում|հայրս {sg} է, մայրս՝ "
                          "{sg}|ես {sg} եմ և {job} եմ աշխատում|իմ լավագույն ընկերը {sg} է|ես {sg} եմ, բայց "
                          "ամբողջ կյանքս ապրել եմ այստեղ|իմ հարևանը {sg} է, լավ մարդ է|{pl} այստեղ ապրում են "
                          "մեր պապերի ժամանակներից|{pl} նույնպես իրավունք ունեն աշխատելու և սովորելու|օրենքի "
                          "առաջ {pl} և մենք հավասար ենք|{pl} մեր շենքում են ապրում, երեխաները միասին են խաղում|"
                          "{pl} այս քաղաքում ապրում ու աշխատում են|ամեն մարդ իրավունք ունի ապրել խաղաղ, {pl} էլ"),
        "group_threat": _w("մահ {acc}։|բոլոր {acc} պետք է սպանել|{pl} պետք է ոչնչացվեն|գնդակահարեք "
                           "բոլոր {acc}|կվառենք նրանց գյուղերը և կմորթենք բոլոր {acc}|թող {pl} սատկեն|"
                           "{pl} մահվան են արժանի|{acc} կախեք հրապարակում"),
        "person_insult": _w("դու {ins} ես|լռիր, {ins}|ինչ {ins} ես|{pol} {ins} է|միայն {ins}ը կգրեր սա|"
                            "{ins}, նախ կարդա հոդվածը|@user դու {ins} ես|կորիր այստեղից, {ins}|դու իսկապես "
                            "{ins} ես|{pol} լրիվ {ins} է"),
        "person_civil": _w("{pol} այսօր բարևեց լրագրողներին|{pol} շնորհավորեց բոլորին տոնի առիթով|{pol} ապրում "
                           "է մեր թաղամասում, սովորական մարդ է|{pol} ողջունեց սահմանամերձ գյուղերի բնակիչներին|"
                           "դու սխալվում ես {topic} հարցում|{topic} հարցում համաձայն չեմ քեզ հետ|{pol} "
                           "նորից ստում է|{pol} ձախողեց բանակցությունները, պետք է հրաժարական տա|{pol} պետք է "
                           "պատասխան տա {topic} համար|@user նորից կարդա հոդվածը, հակառակն է գրված|քո "
                           "փաստարկը անտեսում է փաստերը|{pol} դավաճանեց փախստականներին|կարծում եմ, սխալվում "
                           "ես|պարզ է, որ զեկույցը չես կարդացել|{pol} այսօր ելույթ ունեցավ խորհրդարանում|{pol} "
                           "պատասխանեց լրագրողների հարցերին|{pol} հանդիպեց տեղահանված ընտանիքների հետ|{pol} "
                           "ստորագրեց համաձայնագիրը|{pol} երկուշաբթի այցելեց սահման|{pol} չկատարեց իր խոստումները|"
                           "դու շատ միամիտ ես այս հարցում"),
        "person_threat": _w("քեզ {hurt}|քեզ կգտնեմ ու {hurt}|գիտեմ որտեղ ես ապրում|սրա համար արյունով "
                            "կպատասխանես|մի անգամ էլ ասա, քեզ {hurt}|{polx} պետք է գնդակահարել|{polx} "
                            "պետք է կախել|կփոշմանես, խոստանում եմ|գլուխդ կկտրեմ, {ins}|քեզ ընտանիքիդ հետ "
                            "կգտնենք|շարունակիր խոսել, ու փոսում կհայտնվես|տարվա վերջը չես տեսնի|գիտենք, թե որտեղ "
                            "են ապրում երեխաներդ|թող ռումբ ընկնի տանդ վրա|ընտանիքդ սրա համար կվճարի|օրերդ "
                            "հաշվիր, {ins}|դիակդ գետում կգտնեն|գնդակը քեզ է սպասում|դու գնդակի ես արժանի|"
                            "թաքնվիր, գալիս ենք|կյանքդ դժոխք կդարձնեմ, հասցեդ գիտեմ|կոկորդդ կկտրեմ|բոլոր "
                            "ոսկորներդ կջարդեմ|կգտնենք ու կթաղենք քեզ"),
        "report": _w("սահմանին {n} զինվոր է զոհվել|անցակետում խաղաղ բնակիչներ են գնդակահարվել|գյուղը "
                     "այրվել է պատերազմի ժամանակ|զեկույցում ասվում է, որ գերիներին խոշտանգել են|նա սպանվել է "
                     "2020-ին, ընտանիքը դեռ պատասխան է սպասում|բանակը հրետակոծեց քաղաքը, {n} մարդ զոհվեց|"
                     "դատարանը մարդասպանին ցմահ ազատազրկեց|ֆիլմը ցեղասպանության մասին է|շուկայի մոտ ռումբ "
                     "է պայթել|շրջափակման ընթացքում {n} մարդ է մահացել|բանակը ուրբաթ օրը դուրս կբերվի|"
                     "սպառնացին նորից փակել ճանապարհը|{pol} դատապարտեց խաղաղ բնակիչների սպանությունը|դատախազը "
                     "հայտարարեց, որ կասկածյալը սպառնացել է սպանել|ոստիկանությունը հայտնեց, որ տղամարդը սպառնացել է "
                     "սպանել հարևանին|այդ կատակը ուղղակի սպանեց ինձ|զեկույցում թվարկված են լրագրողներին ուղղված "
                     "սպառնալիքները"),
        "obscene": _w("{obs}|{obs}։|ազնիվ ասած, {obs}|{obs}, ինչպես միշտ"),
        "obscene_insult": _w("մերդ քունեմ, {ins}|բոզի տղա ես դու|քու մերը, {ins}|@user կորի, բոզի տղա|"
                             "{pol} բոզի տղա է|քունեմ քեզ, {ins}"),
        "condemn": _w("մարդկանց «{slur}» անվանելը ռասիզմ է|«{slur}» բառը վիրավորական է, մի օգտագործեք|"
                      "տուգանվեց հարևանին «{slur}» գոռալու համար|{acc} կենդանի անվանող մեկնաբանությունները "
                      "պետք է ջնջվեն|«{pl} կենդանիներ են» ասելը ատելության խոսք է|ստորագրեց "
                      "պայմանագիրը|ծիծաղելի իրավիճակ էր|«{pl} վերահսկում են բանկերը» արտահայտությունը հին առասպել "
                      "է|«{pl} հիվանդություն են» պնդումը ատելության խոսք է|նա գրել էր, որ «{pl} չպետք է ընտրեն», և "
                      "մեկնաբանությունը ջնջվեց|«{pl} կենդանիներ են» տիպի մեկնաբանություններն այստեղ արգելված են"),
        "rel": _w("իսլամը|քրիստոնեությունը|հուդայականությունը|նրանց կրոնը|այդ կրոնը"),
        "slx": _w("չ ա լ մ ա|chalma|ch4lma|թրքուկ|trquk|turqi shun|d ı ğ a|х а ч"),
        "insult_plain": _w("հիշողությունդ ոսկե ձկան հիշողություն է, դաստիարակությունդ էլ նույնը|հերթական բոտ "
                           "ստեղնաշարով, քանի՞ են վճարում քեզ|գնա դպրոց, հանճար|քեզ ոչ ոք չի հարցրել, տրոլ|դու "
                           "ընդամենը վարձու տրոլ ես|դպրոցը գոնե ավարտե՞լ ես|{pol} խաղալիքի պես ծվծվում է, ու "
                           "մտածում էլ այդպես|{pol} վաղուց խելքը թռցրել է|լսիր, հանճար, քո կարծիքը ոչ ոքի չի "
                           "հետաքրքրում|դու խամաճիկ ես, այն էլ էժան|նախ կարդալ սովորիր, հետո գրիր|ուղեղ չունես|"
                           "թութակի պես նույն բաներն ես կրկնում|@user դու բոտ ես, այն էլ անուղեղ|բազմոցային "
                           "փորձագետը նորից ամեն ինչ գիտի|փոքր ժամանակ գլխիվայր չե՞ն գցել քեզ|{pol} ծերացած "
                           "մարազմատիկ խամաճիկ է|դու քո ընտանիքի խայտառակությունն ես|ա՛յ հանճար, շարունակիր|լռիր "
                           "ու գնա դպրոց|դու ոչ ոք ես"),
        "threat_plain": _w("նրան պետք է կախաղան հանել|գիտենք որտեղ ես ապրում, մտածիր ընտանիքիդ մասին|{polx} "
                           "պետք է կախել հրապարակում|գրելուց առաջ մտածիր երեխաներիդ մասին|օրերդ հաշված են|սրա համար "
                           "թանկ կվճարես, սպասիր կգանք|հետևում ենք քեզ, մեքենադ գիտենք|շարունակիր գրել ու կտեսնես, "
                           "թե ինչ կլինի ընտանիքիդ հետ|եթե նորից փակեն ճանապարհը, մեքենայով կմտնեմ ամբոխի մեջ|"
                           "մեքենայով ճզմեք նրանց, ճանապարհը փակել են|թող կամաց-կամաց սատկես|թող տունդ քեզ հետ "
                           "այրվի|հաջորդը դու ես, @user|մի օր մենակ տուն կգնաս, հիշիր|մորդ մոտ կգանք, թող սպասի|"
                           "ընտանիքդ այլևս ապահով չէ|կգանք խմբագրություն, լրագրող"),
        "group_threat_plain": _w("{pl} բոլորը կսատկեն, մինչև վերջինը|կկրկնենք Խոջալուն|ցեղասպանությունը "
                                 "կկրկնենք, ոչ մի հոգի չի մնա|թող բոլոր {pl} այրվեն|մեքենայով մտեք ամբոխի մեջ, "
                                 "բոլորը {pl} են|բոլոր {acc} կախաղան հանեք|թող {pl} այրվեն իրենց տներում|երբ "
                                 "գանք, {pl} բոլորը կմեռնեն"),
        "hate_plain": _w("{pl} նախիր են, ոչ թե ազգ|{rel} բռնություն է ծնում, միշտ ծնել է|{pl} բնությամբ "
                         "վայրենի են|{pl} վայրենի ցեղ են, ժողովուրդ չեն|{pl} ծնված մարդասպաններ են|{pl} ապրելու "
                         "իրավունք չունեն|նրանց արյան մեջ է, {pl} բոլորը գողեր են|{pl} հորինված ազգ են|{rel} մահվան "
                         "կրոն է|{pl} անքաղաքակիրթ բարբարոսներ են|{pl} մորեխի պես են, ամեն ինչ ոչնչացնում են|{acc} "
                         "չես քաղաքակրթի|ամենուր {slx} են, քշեք մեր հողից|բոլոր {slx} նույնն են|{slx} նորից "
                         "միջանցքի համար լաց են լինում"),
        "grief": _w("բժիշկն ասաց, որ առանց ինսուլինի բաժանմունքի հիվանդները բոլորը կմեռնեն|"
                    "շրջափակման պատճառով դեղեր չհասան, և {city}ում {n} հիվանդ մահացավ|տատիկս մահացավ՝ սպասելով "
                    "շտապօգնությանը, որը այդպես էլ չեկավ|ճանապարհը փակ է, և քաղցկեղով հիվանդները մահանում են|{city}ում "
                    "երեխաները սովից մահանում են, օգնեք|եթե ճանապարհը չբացվի, էլի հիվանդներ կմահանան|հանգիստ "
                    "նիրհիր, եղբայր, պատերազմում զոհվեցիր|սիրտս կտոր-կտոր է լինում ամեն ընտանիքի համար, որ "
                    "կորցրել է հարազատին|այսօր թաղեցինք հորեղբորս, դիալիզի չհասավ|հիվանդանոցում ինսուլին չկա, "
                    "մարդիկ մահանում են|բանակցությունները մեռած են, իսկ մարդիկ շարունակում են զոհվել|խաղաղության "
                    "գործընթացը մեռած է, անկեղծ լինենք|հրադադարը մեռավ երեկ գիշեր|երեք զինվոր զոհվեց, լույս իջնի "
                    "հոգիներին|կարդացի ու լացեցի, այսքան զոհ|հայրս այդպես էլ չվերադարձավ ռազմաճակատից"),
        "history": _w("հոդվածը նկարագրում է, թե ինչպես էին 1918-ին կախում գերիներին|Սումգայիթի ջարդերից "
                      "փրկվածները հիշում են|դատարանը պարզեց, որ վարորդը մեքենայով մտել է ցուցարարների մեջ|վկան "
                      "ասաց, որ զինվորները սպառնացել են այրել գյուղը|զեկույցում հավաքված են շրջափակման մասին գրող "
                      "լրագրողներին ուղղված սպառնալիքները|պատմաբանները դեռ քննարկում են 1915-ի իրադարձությունները|"
                      "թանգարանում ջարդերի լուսանկարներ կան"),
        "counter": _w("նրանց «{slx}» անվանելը ռասիզմ է, դադարեցրեք|ինչ-որ մեկը հոդվածի տակ «{slx}» է գրել, ջնջեք|"
                      "«{pl} նախիր են, ոչ թե ազգ» ասելը մարդկանց ապամարդկայնացնում է|«այդ կրոնը բռնություն է "
                      "ծնում» ասելը մոլեռանդություն է, ոչ թե վերլուծություն|«{slx}» տիպի բառերը հանգեցրին "
                      "Սումգայիթին ու Խոջալուին|ամաչում եմ, որ այստեղ {acc} վայրենի են անվանում|հարևանս ինձ "
                      "«{slx}» ասաց, և ես բողոքեցի"),
        # a reader talking to another by name, warmly: the address alone is no insult or threat
        "name": _w("Լևոն|Նարեկ|Գագո|Սամվել|Աշոտ|Անի|Արամ|Լուսինե|Կարեն|Տիգրան"),
        "banter": _w("{name}, դու հանճար ես 😂 շատ ծիծաղելի էր|{name}, հիմա հղումը կգտնեմ ու կուղարկեմ քեզ, մի րոպե|"
                     "{name}, քարտեզը երեկոյան կուղարկեմ քեզ|"
                     "{name}, դու միշտ հանգիստ ես գրում, այս կայքը մասամբ քո պատճառով եմ կարդում|"
                     "{name}, ճիշտ պապիկիս պես ես խոսում, ամեն ինչ «մեր ժամանակ»-ով է սկսվում 😄|"
                     "լավ, {name}, այս անգամ դու հաղթեցիր, սուրճը ինձնից|"
                     "{name}, էլի քո տեսություններով ես եկել 😄 լավ, լսում եմ|"
                     "{name}, շաբաթ հանրահավաքում կտեսնվենք, խաղաղ|{name}, դժգոհ պապիկ ես, բայց սիրում ենք քեզ|"
                     "{name}, այս մեկնաբանությամբ սպանեցիր ինձ 😂|"
                     "ծնունդդ շնորհավոր, {name}! առողջություն ու խաղաղություն|"
                     "{name}, ընտրությունների հարցում ճիշտ էիր, մի սուրճ պարտք եմ|"
                     "{name}, խաղից հետո կզանգեմ քեզ|{name}, դու լեգենդ ես, այս մեկնաբանությունը ոսկի է|"
                     "{name}, վաղը համաժողովում կգտնեմ քեզ, կխոսենք|"
                     "{name}, շաբաթ նարդիում կհաղթեմ քեզ, պատրաստվիր|"
                     "{name}, մի բարկացիր, հասկացա քեզ, ուրբաթ հանդիպում ենք?|"
                     "{name}, այս պատմությամբ օրս գեղեցկացրիր|"
                     "{name}, հոդվածը կուղարկեմ քեզ, բոլոր ամսաթվերը այնտեղ են"),
        # a claim to a land, pride in one's nation, a people's rights: political, not hate
        "place": _w("Արցախ|Շուշի|Սյունիք|Քաշաթաղ|Հադրութ|Քարվաճառ"),
        "claim": _w("{pl} իրավունք ունեն խաղաղ ապրելու|{pl} մեր հարևաններն են, վաղուց են այստեղ ապրում|"
                    "{pl} հավասար իրավունքներ ունեն|մեր թաղում ապրում են նաև {pl}|{place}, դա մեր հողն է և միշտ կլինի|"
                    "մենք երբեք չենք հրաժարվի մեր հողից|"
                    "{place}, դարեր շարունակ մեր հողն է եղել|այս հողը պատկանում է այնտեղ ապրող մարդկանց|"
                    "մեր հողը, մեր պատմությունը, մեր գերեզմաններն այնտեղ են|"
                    "երազում եմ մի օր վերադառնալ հայրենի հող|մեր ժողովուրդը բավական է տառապել|"
                    "այս երկիրն արժանի է ավելի լավ ղեկավարների|"
                    "յուրաքանչյուր ժողովուրդ իրավունք ունի իր հողի վրա|պապիկիս հողը այնտեղ է, {place}|"
                    "{place}, մենք կվերադառնանք խաղաղ ճանապարհով|ոչ ոք չի կարող մեր հողը հանել մեր սրտից"),
        # their counterparts: a people driven off the land, an insult said to a reader by name
        "land_hate": _w("{pl} մեր հողում տեղ չունեն|{pl} պետք է հեռանան մեր հողից, նրանք {deh}|"
                        "{place}, դա մեր հողն է, իսկ {pl} {deh}|քշեք բոլոր {acc} մեր հողից|"
                        "{pl} գողացել են մեր հողը, նրանք {deh}"),
        "banter_insult": _w("{name}, դու {ins} ես|{name}, լռիր, {ins}|{name}, դու միշտ հիմարություն ես գրում, {ins}|"
                            "{name}, միայն քեզ նման {ins} կհավատա սրան"),
        "self_deprecation": _w("միամիտ էի, որ հավատացի նրանց, ինչ հիմար էի|հիմար էի, որ վստահեցի "
                               "բանակցություններին|ես էլ ապուշ եմ, կարծում էի՝ ճանապարհը կբացվեն|ինձ հիմար եմ "
                               "զգում, որ հավատացի հրադադարին|տխմար էի, որ քվեարկեցի նրանց օգտին|ես ապուշ եմ, "
                               "սխալ կարդացի հոդվածը, ներողություն"),
        "farewell": _w("Կտեսնվենք, {name}|Հաջորդ շաբաթ կհանդիպենք|Ձեզ լավ պահեք|Մամայիդ բարևներ ինձնից|"
                       "Քննությանդ հաջողություն, {name}|Կիրակի ձեզ հյուր ենք սպասում|Բարի ճանապարհ, հասնես՝ գրի|"
                       "Շուտ լավացիր, {name}|Ընտանիքիդ լավագույն մաղթանքներ|Հաջորդ սուրճը ինձնից|"
                       "Ո՞վ ա հաջորդը հերթում, մի ժամ ա սպասում եմ|Ժամը վեցին կգամ քեզ տանեմ, տունը գիտեմ|"
                       "Մեր դուռը միշտ բաց ա ձեզ համար|Խաղին կհանդիպենք|Հաջորդ անգամ կտեսնվենք, գրկում եմ|"
                       "kteshnvenq, aper|Լավ եթեր էր, մինչև հաջորդ անգամ|Հաջորդ անգամ երեխեքին էլ բերեք|"
                       "Ուրբաթ կտեսնվենք, {name}"),
        "collective": _w("Ժողովուրդը հոգնել է պատերազմից|Ժողովուրդը խաղաղություն է ուզում, ոչ թե ճառեր|"
                         "Ամեն ինչի գինը հասարակ մարդիկ են վճարում|Մեր ժողովուրդը ավելի ծանր ձմեռներ է տեսել|"
                         "Երկու ժողովուրդն էլ նորմալ կյանքի արժանի են|Ազգը պատասխան է սպասում կառավարությունից|"
                         "Ժողովուրդն իրավունք ունի իմանալու, թե ինչ է ստորագրվել|Գյուղերում մարդիկ ուղղակի "
                         "ուզում են, որ ճանապարհը բացվի|Ամբողջ ազգը դիտեց եզրափակիչը|Ժողովրդին հարցրեք, ոչ "
                         "թե նախարարներին|Ամեն ժողովուրդ ապրելու իրավունք ունի|Ազգը սգում է զոհվածներին|"
                         "Մարդիկ վախենում են, ու ոչ ոք ոչինչ չի բացատրում|Այստեղի ժողովուրդը հյուրասեր է|"
                         "Ժողովուրդը նորից հացի հերթում է|Ազգին դրոշներից շատ բժիշկներ են պետք|Ժողովուրդը "
                         "չի մոռանում իր պատմությունը|Հասարակ մարդիկ միշտ առաջինն են տուժում"),
        "greeting": _w("Բարև|Բարև ձեզ|Բարև բոլորին|Բարի լույս|Շնորհակալություն|Շատ շնորհակալություն|Մերսի|"
                       "Հիանալի հոդված|Լավ ասացիր|Համաձայն եմ|Ողջույններ {city}ից|Խաղաղություն բոլորին|Շնորհավոր "
                       "Նոր տարի|Բարի երեկո|Հարգանքներ"),
    },
}

_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                 "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"], strict=True))
_ARM = dict(zip("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
                ["a", "b", "g", "d", "e", "z", "e", "@", "t", "zh", "i", "l", "x", "ts", "k", "h", "dz", "gh", "ch",
                 "m", "y", "n", "sh", "o", "ch", "p", "j", "r", "s", "v", "t", "r", "c", "v", "p", "q", "o", "f"],
                strict=True))
_TURKIC_ASCII = str.maketrans("əıışçğöüƏIİŞÇĞÖÜ", "eiiscgouEIISCGOU")


def translit(text: str, lang: str) -> str:
    """Latin typing of Russian/Armenian, ASCII typing of Turkish/Azerbaijani (as readers type)."""
    if lang == "ru":
        table = _CYR
    elif lang == "hy":
        table = _ARM
        text = text.replace("ու", "u").replace("Ու", "U").replace("և", "ev")
    elif lang in ("tr", "az"):
        return text.translate(_TURKIC_ASCII)
    else:
        return text
    out = []
    for ch in text:
        low = ch.lower()
        if low in table:
            t = table[low]
            out.append(t.capitalize() if ch != low else t)
        else:
            out.append(ch)
    return "".join(out)


def _fill(template: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    out = template
    # one choice per slot name, so a template naming {pl} twice names one group
    for name in sorted(slots, key=len, reverse=True):
        token = "{" + name + "}"
        if token in out:
            out = out.replace(token, rng.choice(slots[name]))
    return out


def _style(text: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.15:
        text = text.lower()
    elif r < 0.25:
        text = text.upper()
    elif text[:1].islower() and r < 0.6:
        text = text[:1].upper() + text[1:]
    if rng.random() < 0.3 and text[-1:].isalnum():
        text += rng.choice(["!", "!!", ".", "...", "?!"])
    return text


def generate(seed: int = 13, per_template: int = 6, translit_rate: float = 0.3) -> list[Sentence]:
    """Every template filled ``per_template`` times, deterministically for a seed."""
    rng = random.Random(seed)  # noqa: S311 - seeded sampling, not security
    out: list[Sentence] = []
    seen: set[str] = set()
    for lang, spec in LANGS.items():
        slots = {k: v for k, v in spec.items() if k not in KINDS}
        for kind in KINDS:
            for template in spec.get(kind, []):
                for _ in range(per_template):
                    text = _style(_fill(template, slots, rng), rng)
                    if rng.random() < translit_rate and lang in ("ru", "hy", "tr", "az"):
                        text = translit(text, lang)
                    if text not in seen:
                        seen.add(text)
                        out.append(Sentence(text, lang, kind))
    return out
