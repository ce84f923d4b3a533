"""Cues: small curated word lists and phrases that the linear model uses as dense features.

Written for this project (en, ru, tr, az, hy, and Russian/Armenian typed in Latin letters);
no third-party list is copied here. The obscenity lists of ``../shared/lexicons`` enter
the model separately, as a set of hashed words filtered against the training data
(see :func:`civility.classify.train.lexicon_hashes`).

Entry syntax: entries are separated by commas; words inside an entry by spaces; a word
ending in ``*`` matches any word that starts with it (``идиот*`` matches ``идиоты``).
Every entry is passed through the same ``normalize()`` as the comments, when the lists
are compiled, so look-alike letters, case and whatever the normaliser learns later are
handled on both sides alike.

Categories:

- ``insult``: words that insult a person (idiot, дебил, salak, axmaq, ապուշ)
- ``slur``: slurs for peoples and groups
- ``dehuman``: words that liken people to vermin, animals, disease
- ``negtrait``: traits pinned on a whole group (cowards, traitors, terrorists, "breed", "dead")
- ``threat``: threat phrases: first-person future, imperative, incitement, death wishes
- ``violence``: violent verbs in any tense (so "10 soldiers were killed" is not a threat)
- ``you``: second-person words (the comment addresses someone)
- ``politician``: named politicians and offices
- ``identity``: peoples, religions and groups (used only combined with other cues)
- ``obscene``: obscene words (stems), added to the hashed lexicon
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from civility.classify.features import Token, tokens_from_normalized

CATEGORIES: tuple[str, ...] = (
    "obscene", "insult", "slur", "dehuman", "negtrait", "threat", "violence", "you", "politician", "identity",
)

#: the dense features the model sees, in order (values: log(1 + count) or 0/1)
CUE_FEATURES: tuple[str, ...] = (
    "obscene", "insult", "slur", "dehuman", "threat", "violence", "you", "politician", "mention",
    "you*insult", "you*obscene", "you*violence", "politician*insult", "identity*dehuman", "identity*violence",
    "identity*threat", "identity*insult", "identity*negtrait", "url",
)

#: threats are mostly a violent verb in the first person future, the imperative or "must be …ed";
#: these stems and endings are expanded into word entries of the ``threat`` list (reports such as
#: "öldürüldü", "were killed" use other endings and do not match)
_THREAT_MORPHOLOGY: dict[str, tuple[str, str, str]] = {
    # language: (stems, endings, words to leave out)
    "tr": ("öldür gebert kes vur yak as boğ bıçakla göm kır parçala doğra kurşunla patlat",
           "eceğim acağım ecegim acagim eceğiz acağız ecegiz acagiz ecem acam erim arım ürüm ırım urum irim eriz "
           "arız ün un ın in sin sın sun sün meli malı ülmeli ılmalı ulmalı ilmeli ülsün ılsın ulsun ilsin",
           "kesin yakın yakım kesim asın asarım"),
    "az": ("öldür gəbərd gəbərt kəs vur yandır as boğ bıçaqla basdır sındır qır doğra güllələ partlat oldur "
           "geberd kes yandir sindir",
           "əcəm acam əcəyəm acağam əcəyik acağıq ərəm aram ərik arıq ün un ın in sin sın sun sün məli malı "
           "ilməli ılmalı ülməli ulmalı ilməlidir ılmalıdır ülməlidir ulmalıdır məlidir malıdır ecem acam "
           "eceyem acagam eceyik acagiq erem ilmelidir ilmeli",
           "kəsin kesin asın"),
    "hy": ("կսպան կմորթ կվառ կայր կկախ կխեղդ կթաղ կջարդ կկտր կխփ կգնդակահար կոչնչացն կպայթեցն կջնջ կսատկացն",
           "եմ ենք", ""),
}
_THREAT_IMPERATIVES = {
    "hy": "սպանեք, մորթեք, վառեք, այրեք, կախեք, խեղդեք, ջարդեք, գնդակահարեք, ոչնչացրեք, սատկեցրեք, spaneq, "
          "mortheq, morteq, vareq",
    "ru": "убью, убьём, убьем, зарежу, зарежем, пристрелю, пристрелим, застрелю, застрелим, задушу, задушим, "
          "сожгу, сожжём, сожжем, повешу, повесим, закопаю, закопаем, прибью, прибьём, прибьем, порежу, вырежу, "
          "вырежем, расстреляю, расстреляем, перережу, перережем, переломаю, оторву, отрежу, урою, уроем, "
          "замочу, замочим, грохну, прикончу, прикончим, разорву, порешу, выслежу, выследим, удавлю, утоплю, "
          "утопим, убей, убейте, режьте, жгите, вешайте, стреляйте, мочите, бейте их, душите, расстреляйте, "
          "вырежьте, сожгите, повесьте, zarezhu, pristrelyu, zadushu, sozhgu, povešu, zakopayu, ubey, ubeyte",
}

_EN_THREAT_SUBJECTS = ("i will", "i'll", "ill", "i am going to", "i'm going to", "im going to", "i'm gonna",
                       "im gonna", "i am gonna", "gonna", "we will", "we'll", "we are going to", "we're going to",
                       "we're gonna", "were gonna", "i shall", "i would", "i'd", "i want to", "i wanna",
                       "someone should", "somebody should", "someone needs to", "we should", "we must", "let's",
                       "lets")
_EN_THREAT_VERBS = ("kill*", "shoot", "stab", "hang", "burn", "hunt you", "find you", "bury", "slaughter",
                    "behead", "beat you", "beat the", "murder", "rape", "cut your", "cut off", "break your",
                    "strangle", "choke you", "gas them", "exterminate", "wipe them", "wipe you", "end you",
                    "destroy you", "smash your", "punch you", "punch your", "slit", "blow up", "torture")

LISTS: dict[str, dict[str, str]] = {
    "insult": {
        "en": "idiot*, moron*, stupid*, imbecile*, retard*, loser*, scumbag*, scum, dumbass*, dumb, jackass*, "
              "dickhead*, douche*, asshole*, arsehole*, bastard*, jerk, jerks, twat*, cunt*, bitch*, whore*, slut*, "
              "clown, clowns, coward*, pathetic, worthless, halfwit*, dimwit*, cretin*, fool, fools, brainless, "
              "clueless, lowlife*, freak, freaks, piece of shit, piece of garbage, piece of trash, son of a bitch, "
              "shut up, shut your mouth, go to hell, get lost, nitwit*, numbskull*, buffoon*, degenerate*, "
              "prick, pricks, dipshit*, shithead*, airhead*, bonehead*, knucklehead*, "
              "waste of space, waste of oxygen, good for nothing, sicko*, lunatic*, scoundrel*",
        "ru": "идиот*, дурак*, дура, дуры, дурень, дебил*, тупой, тупая, тупые, тупица*, тупорыл*, кретин*, "
              "придур*, урод*, ублюд*, мразь, мрази, мразота, тварь, твари, сволоч*, скотина*, козел, козёл, "
              "козлы, козлина, свинья, чмо, лох, лохи, быдло, гнида, гниды, падла, подон*, ничтожеств*, "
              "мудак*, мудил*, долбо*, дегенерат*, даун, дауны, шлюх*, сука, суки, сучка, шавка, шавки, "
              "баран, бараны, осел, осёл, олух*, недоум*, мерзав*, негодя*, клоун, клоуны, пидор*, пидар*, "
              "гандон*, ебанат*, ебанько, жалкий, жалкая, жалкие, убогий, убогая, убогие, никчемн*, "
              "бестолоч*, полудур*, шизик*, отморож*, дегенерат*, ушлепок, ушлёпок, ушлепки, чучело, "
              "заткнись, закрой рот, закрой пасть, пошел вон, пошёл вон, пошел ты, пошёл ты, иди на, "
              "idiot*, durak*, debil*, tupoy, tupaya, kretin*, pridurok*, urod*, ublyud*, mraz, tvar, "
              "svoloch*, skotina, kozel, svinya, chmo, bydlo, gnida, padla, mudak*, dolboeb*, dolboyob*, "
              "pidor*, gandon*, shlyuha, zatknis",
        "tr": "aptal*, salak*, gerizekal*, geri zekalı*, dangalak*, ahmak*, budala*, şerefsiz*, serefsiz*, "
              "haysiyetsiz*, namussuz*, pislik*, köpek*, kopek*, eşek*, eşşek*, esek*, öküz*, hayvan*, yavşak*, "
              "puşt*, ibne*, orospu*, kahpe*, piç, piçin, piçi, piçler*, alçak*, aşağılık*, asagilik*, rezil*, "
              "yalaka*, beyinsiz*, embesil*, mankafa*, soysuz*, kevaşe*, şıllık*, gavat*, pezevenk*, lavuk*, "
              "hıyar*, kansız*, hödük*, dallama*, denyo*, avanak*, ezik*, sürtük*, kaltak*, kuşbeyinli*, "
              "sersem*, keriz*, enayi*, yavşaklar*, çakal*, it oğlu it, köpoğlu*, kopoglu*, şerefsizler*, "
              "sus ulan, kapa çeneni, kapa ceneni, defol*, haysiyetsizler*, beyni yok*",
        "az": "axmaq*, ahmaq*, gic, gicdır*, gicbəsər*, gijdillaq*, əclaf*, eclaf*, alçaq*, alcaq*, "
              "yaramaz*, murdar*, şərəfsiz*, serefsiz*, namussuz*, qeyrətsiz*, qeyretsiz*, köpək*, kopek*, "
              "eşşək*, esshek*, eshshek*, essek*, heyvan*, donuz*, qancıq*, qanciq*, qanchikh*, fahişə*, "
              "fahise*, qəhbə*, qehbe*, gəhbə*, əbləh*, ebleh*, sarsaq*, nadan*, yaltaq*, peysər*, peyser*, "
              "rəzil*, rezil*, zibil*, mankurt*, heyvərə*, heyvere*, dələduz*, deleduz*, safeh*, oğraş*, "
              "ograsch*, oghrash*, it oğlu*, it oglu*, it oghlu*, dombaltmaq, dindiq*, mumla*, bişərəf*, "
              "biserəf*, biseref*, ağılsız*, agilsiz*, kütbeyin*, kutbeyin*, səfeh*, sefeh*, "
              "sus görüm, kəs səsini, kes sesini, rədd ol*, redd ol*",
        "hy": "ապուշ*, հիմար*, տխմար*, անասուն*, ավանակ*, էշ, էշի, էշը, էշեր*, շուն, շան որդի, շան լակոտ, "
              "խոզ, խոզի, խոզեր*, տականք*, սրիկա*, ստոր, ստորի, կեղտոտ*, բոզ*, պոռնիկ*, քած*, ողորմելի*, "
              "դեբիլ*, իդիոտ*, լակոտ*, ոչխար*, վիժվածք*, անբան*, ախմախ*, տուպոյ*, անխելք*, գռեհիկ*, "
              "ստահակ*, թշվառական*, դմբո*, ճիճու*, ծաղրածու*, փսլնքոտ*, լկտի*, "
              "apush*, himar*, txmar*, tkhmar*, anasun*, avanak*, xoz, khoz, takank*, taknq*, srika*, "
              "keghtot*, bozi, boz tgha, pornik*, debil*, lakot*, vochxar*, vochkhar*, vijvacq*, vizhvatsq*, "
              "anban*, axmax*, anxelq*, shan vordi, shan lakot, dmbo*",
    },
    "slur": {
        "en": "nigger*, niggers, faggot*, fag, fags, kike*, chink*, spic, spics, wetback*, raghead*, towelhead*, "
              "sandnigger*, tranny, trannies, dyke, dykes, gook*, paki, pakis, coon, coons, beaner*, muzzie*, "
              "mudslime*, goatfucker*, goat fucker*, camel jockey*, cockroach people, hymie*, yid, yids",
        "ru": "хач, хачи, хачей, хачам, хачами, хачик*, хачьё, хачье, хачило, чурк*, чурбан*, черножоп*, "
              "чучмек*, жид, жиды, жидов*, жидяр*, жидовск*, жидо*, хохол, хохлы, хохлов, хохлам, хохляц*, "
              "кацап*, москал*, ватник*, укроп, укропы, пиндос*, айзер*, зверьки, чурек*, нерусь, понаехав*, "
              "армяшк*, азерботы, азеробот*, hach, hachi, churka*, chernozhop*, zhid, zhidy, hohol, hohly, "
              "katsap*, moskal*, pindos*",
        "tr": "ermeni dölü, ermeni dolu, ermeni tohumu, ermeni piçi, ermeni pici, ermeni köpekleri, "
              "ermeni köpeği, gavur*, rus domuzu, yahudi domuzu, kürt piçi, dönme köpek*, çingene pislik*",
        "az": "dığa*, diga*, digha*, dıqa*, erməni dığası*, ermeni digasi*, erməni itləri*, ermeni itleri*, "
              "xaçpərəst*, xachperest*, xacperest*, erməni tör*, hay köpəkləri*, ermənipərəst*, çalmalı*",
        "hy": "թուրքի լակոտ*, թուրքի ծնունդ*, թուրքի սերմ*, ջհուդ*, չալմա*, թրքուկ*, թուրքուկ*, "
              "ադրբեջանցի շներ*, թուրք շներ*, turqi lakot*, turki lakot*, jhud*, chalma*, trquk*",
    },
    "dehuman": {
        "en": "vermin, rats, cockroaches, roaches, parasites, parasite, animals, savages, subhuman*, sub human*, "
              "dogs, pigs, plague, cancer, disease, filth, barbarians, beasts, monkeys, apes, insects, leeches, "
              "not human, less than human, maggots, swine, mongrels, lice, germs, infestation, breed like, a disease, "
              "is a disease, are a disease, should be cured, need to be cured, garbage, trash, not people, scum",
        "ru": "паразит*, таракан*, крысы, крыс, недолюд*, нелюд*, скоты, скотов, звери, зверей, зверьё, зверье, "
              "варвар*, чума, чумой, животны*, дикари, дикарей, обезьян*, вредител*, отброс*, свиньи, свиней, "
              "собаки, собак, гниды, выродк*, выродок, вши, мусор, биомусор*, биомасс*, орков, орки, болезнь, надо "
              "лечить, нужно лечить, не люди, мразь, отребье",
        "tr": "hayvanlar*, köpekler*, domuzlar*, sıçan*, parazit*, barbar*, vahşi*, haşere*, böcek*, mikrop*, "
              "leş*, kene*, hayvan sürüsü*, insan değil*, insan degil*, it sürüsü*, hastalıktır, hastalık, tedavi "
              "edilmeli*, çöp, çöptür, insan değil*, pislik*",
        "az": "köpəklər*, itlər*, itləri, itlərə, heyvanlar*, donuzlar*, siçovul*, parazit*, barbar*, vəhşi*, "
              "vehshi*, vəhşilər*, həşərat*, heserat*, mikrob*, leş*, insan deyil*, insan deyiller*, it sürüsü*, "
              "xəstəlikdir, xəstəlik, müalicə olunmalıdır, zibil, zibildir, insan deyil*",
        "hy": "շներ*, շների*, խոզեր*, կենդանիներ*, առնետ*, մակաբույծ*, բարբարոս*, վայրենի*, գազան*, միջատ*, "
              "ոջիլ*, ուտիճ*, կապիկ*, մարդ չեն*, ոչ մարդ*, shner*, khozer*, xozer*, barbaros*, vayreni*, "
              "gazan*, kapik*, հիվանդություն են, պետք է բուժել, աղբ, աղբ են, մարդ չեն, տականք*",
    },
    "negtrait": {
        "en": "cowards, traitors, liars, thieves, terrorists, criminals, rapists, murderers, bandits, herd, "
              "breed like, breeding like, nation of, dead, inferior, backward, primitive, filthy, dirty, lazy, "
              "brainwashed, bloodthirsty, greedy, cancer, tumour, tumor, occupiers, invaders, control the media, "
              "control the banks, run the media, run the banks, should not vote, shouldn't vote, should not be "
              "allowed, shouldn't be allowed, never hire, never trust, can't be trusted, cannot be trusted, will rob "
              "you, don't belong here, do not belong here, go back to, belong in the kitchen",
        "ru": "трусы, трусов, предатели, предателей, лжецы, воры, воров, террористы, террористов, преступники, "
              "насильники, убийцы, бандиты, стадо, плодятся, нация, мёртвый, мертвый, мёртвые, мертвые, "
              "низшая, отсталые, грязные, ленивые, кровожадные, жадные, рак, опухоль, оккупанты, захватчики, "
              "контролируют сми, контролируют банки, нельзя давать голосовать, не должны голосовать, никогда не "
              "нанимай, нельзя доверять, обворует, обманет, пусть убираются, место на кухне, не место здесь",
        "tr": "korkak*, hain*, yalancı*, hırsız*, terörist*, suçlu*, tecavüzcü*, katil*, haydut*, sürü*, "
              "çoğalıyor*, millet*, ölü, aşağı ırk*, geri kalmış*, pis*, tembel*, kana susamış*, açgözlü*, "
              "kanser*, işgalci*, medyayı kontrol, bankaları kontrol, oy hakkı verilmemeli, oy vermemeli, asla işe "
              "alma, güvenilmez*, asla güvenme, seni soyar, soyarlar, defolsun*, mutfağa, buraya ait değil*",
        "az": "qorxaq*, xain*, yalançı*, oğru*, terrorçu*, cinayətkar*, təcavüzkar*, qatil*, quldur*, sürü*, "
              "çoxalır*, millət*, ölü, tayfa*, geridə qalmış*, çirkin*, tənbəl*, qaniçən*, acgöz*, xərçəng*, "
              "işğalçı*, mediaya nəzarət, banklara nəzarət, səs vermək hüququ verilməməlidir, səs verməməlidir, heç "
              "vaxt işə götürmə, etibar etmə, etibar etmək olmaz, səni soyacaq, soyacaq, rədd olsun*, mətbəxə, buraya "
              "aid deyil*",
        "hy": "վախկոտ*, դավաճան*, ստախոս*, գող, գողեր*, ահաբեկիչ*, հանցագործ*, բռնաբարող*, մարդասպան*, ավազակ*, "
              "հոտ, բազմանում*, ազգ, մեռած*, ստոր ցեղ*, հետամնաց*, կեղտոտ*, ծույլ*, արյունարբու*, ագահ*, "
              "քաղցկեղ*, օկուպանտ*, զավթիչ*, վերահսկում են լրատվամիջոց*, վերահսկում են բանկ*, չպետք է թույլ տալ "
              "քվեարկել, չպետք է քվեարկեն, երբեք մի վարձիր, չի կարելի վստահել, կթալանի, կգողանա, թող կորչեն, "
              "խոհանոցում",
    },
    "threat": {
        "en": ", ".join([f"{s} {v}" for s in _EN_THREAT_SUBJECTS for v in _EN_THREAT_VERBS]) + ", "
              "kill yourself, kys, you will die, you're dead, you are dead, youre dead, you're a dead man, "
              "you are a dead man, dead man walking, your days are numbered, watch your back, i know where you "
              "live, we know where you live, i'll find you, i will find you, we will find you, we'll find you, "
              "should be killed, should be shot, should be hanged, should be hung, should be executed, "
              "should be exterminated, should be gassed, should be burned, should all die, should die, "
              "deserve to die, deserves to die, deserve death, must die, must be killed, must be destroyed, "
              "must be exterminated, need to be killed, needs to be killed, need to be shot, needs to be shot, "
              "death to, kill them all, kill all, kill every, shoot them, hang them, burn them, gas them, "
              "wipe them out, wipe them off, off the map, put a bullet, bullet in your, bullet between, "
              "slit your throat, cut your throat, cut your head, break your legs, break your neck, burn your "
              "house, burn down your, i hope you die, hope you die, hope they die, hope he dies, hope she dies, "
              "wish you were dead, wish you dead, you will pay, you'll pay for this, make you pay, "
              "we are coming for you, we're coming for you, coming for you, this is your last warning, "
              "last warning, rot in hell, i will end you, i'll end you, sleep with one eye open, "
              "blood will flow, drown them, deport them all and shoot, won't live to see, will not live to see, you "
              "won't live, i'll stab, i will stab, if i catch you, end up in a ditch, in a ditch, we know your "
              "address, your address is",
        "ru": "убью, убьём, убьем, убей, убейте, убить всех, убить их, убить тебя, убить его, перебить всех, "
              "перебьём, перебьем, зарежу, зарежем, пристрелю, пристрелим, застрелю, застрелим, расстреляю, "
              "расстреляем, расстрелять всех, расстрелять их, надо расстрелять, повешу, повесим, повесить всех, "
              "надо повесить, сожгу, сожжём, сожжем, сжечь всех, взорву, взорвём, взорвем, порву, порвём, "
              "уничтожу, уничтожим, уничтожить всех, вырежем, вырезать всех, найду тебя, найдём тебя, "
              "найдем тебя, найдём вас, найдем вас, я тебя найду, мы тебя найдём, мы тебя найдем, "
              "знаю где ты живешь, знаю где ты живёшь, знаем где ты живешь, знаем где ты живёшь, тебе конец, "
              "вам конец, тебе не жить, вам не жить, ты труп, вы трупы, сдохни, сдохните, чтоб ты сдох*, "
              "чтобы ты сдох*, чтоб вы сдохли, чтоб они сдохли, чтоб он сдох, пусть сдохнут, пусть сдохнет, "
              "смерть армянам, смерть азербайджанцам, смерть туркам, смерть русским, смерть хохлам, "
              "смерть жидам, смерть хачам, смерть врагам, смерть всем, голову оторву, голову отрежу, башку "
              "оторву, башку отрежу, ноги переломаю, кости переломаю, руки переломаю, надо убить, надо "
              "уничтожить, должны сдохнуть, должен сдохнуть, заслуживают смерти, заслуживает смерти, стереть "
              "с лица земли, утопить в крови, кровью умоетесь, ответишь за это, ты пожалеешь, вы пожалеете, "
              "готовь гроб, готовьте гробы, закопаю, закопаем, ubyu, ub'yu, ubiu, zarezhu, pristrelyu, "
              "sdohni, sdohnite, ty trup, tebe konets, tebe konec, naydu tebya, smert armyanam, не доживёшь, не "
              "доживешь, не доживете, не доживёте, чтоб снаряд, чтобы снаряд, чтоб ракета, если поймаю, если я тебя "
              "поймаю, зарежу тебя, знаем твой адрес",
        "tr": "öldüreceğim, öldürecegim, öldüreceğiz, öldürecegiz, öldürürüm, öldürün, öldürülmeli*, öldürmek "
              "lazım, hepsini öldür*, seni öldür*, gebertirim, geberteceğim, gebertecegim, gebertin, gebersin*, "
              "geberin, geber, kafanı keseceğim, kafanı keserim, kafanızı keseceğiz, kafasını kes*, boğazını "
              "kes*, keseceğiz, kurşuna diz*, kurşunlayın, asın, asılmalı*, idam edilmeli*, yakacağız, yakın "
              "hepsini, yakalım, bombalayın, seni bulacağım, seni bulacagim, seni bulurum, sizi bulacağız, evini "
              "biliyorum, nerede oturduğunu biliyorum, seni mahvedeceğim, mahvedeceğiz, canını yakacağım, "
              "kanını dökeceğiz, kanınızı akıtacağız, ölümünüz, ölsün*, ölmeyi hak ediyor*, yok edeceğiz, yok "
              "edilmeli*, haritadan sil*, bacaklarını kırarım, ağzını kırarım, ağzını burnunu kırarım, "
              "vururum, vuracağım, vuracağız, vurun, pişman olacaksın, pişman edeceğim, ermenilere ölüm, "
              "kahrolsun*, geberteceğiz, temizleyeceğiz, hesabını soracağız, ananı ağlatacağım, göremeyeceksin, "
              "göremezsin, yakalarsam, ölüsün, bıçaklayacağım, bıçaklayacagim, bıçaklarım, sana geliyoruz, size "
              "geliyoruz, adresini biliyoruz, adresin elimizde",
        "az": "öldürəcəm, öldürəcəyəm, öldürəcəyik, öldürərəm, öldürün, öldürülməlidir*, öldürmək lazımdır, "
              "hamısını öldür*, səni öldür*, gəbərdəcəm, gəbərdərəm, gəbərsin*, gəbərin, başını kəsəcəm, "
              "başını kəsərəm, başınızı kəsəcəyik, boğazını kəsəcəm, kəsəcəyik, kəsəcəm, güllələyin, "
              "güllələnməlidir*, asın, asılmalıdır*, yandıracağıq, yandırın, yandıraq, partladacağıq, "
              "səni tapacam, səni tapacağam, səni taparam, sizi tapacağıq, evini bilirəm, harada yaşadığını "
              "bilirəm, məhv edəcəyik, məhv edəcəm, məhv edin, məhv edilməlidir*, yer üzündən silin*, "
              "qanınızı tökəcəyik, qanını tökəcəm, ölüm olsun, ölsün*, ölməyə layiqdir*, ölümə layiqdir*, "
              "ayağını sındıraram, ağzını sındıraram, vuracam, vuraram, vuracağıq, peşman olacaqsan, "
              "ermənilərə ölüm, təmizləyəcəyik, qırın, qıracağıq, oldurecem, oldurecem, olduraram, "
              "olduracem, olum olsun, seni tapacam, gebersin*, basini kesecem, bashini kesecem, gulleleyin, "
              "yandiracagiq, mehv edeceyik, görməyəcəksən, gormeyeceksen, tutsam, ölmüsən, olmusen, bıçaqlayacam, "
              "bıçaqlayacağam, sənin üçün gəlirik, sizin üçün gəlirik, ünvanını bilirik",
        "hy": "կսպանեմ, կսպանենք, կսպանես, սպանեք, սպանել բոլորին, պետք է սպանել, կմորթեմ, կմորթենք, մորթեք, "
              "կվառենք, վառեք, կայրենք, կկախենք, կախեք, գնդակահարեք, պետք է գնդակահարել, քեզ կգտնեմ, քեզ "
              "կգտնենք, ձեզ կգտնենք, գիտեմ որտեղ ես ապրում, մեռնես, սատկես, սատկեք, սատկեն, սատկի, մահ "
              "թուրքերին, մահ ադրբեջանցիներին, մահ հայերին, կոչնչացնենք, ոչնչացրեք, կջարդենք, ջարդեք, գլուխդ "
              "կկտրեմ, գլուխները կկտրենք, կոկորդդ կկտրեմ, ոտքերդ կջարդեմ, կփոշմանես, արյունով կպատասխանեք, "
              "կթաղենք, kspanem, kspanenq, spaneq, kmortem, kmortenq, kvarenq, qez kgtnem, kez kgtnem, "
              "satkes, satkeq, mernes, mah turqerin, mah turkerin, glukhd kktrem, չես հասնի, խրամատում կհայտնվես, "
              "կհայտնվես խրամատում, գալիս ենք քո հետևից, գալիս ենք ձեր հետևից, կդանակահարեմ, հասցեդ գիտենք",
    },
    "violence": {
        "en": "kill*, murder*, shoot*, shot, slaughter*, behead*, hang, hanged, lynch*, burn, burned, burnt, "
              "bomb*, stab*, massacre*, exterminat*, genocide*, execute*, execution*, rape*, torture*, "
              "strangle*, die, dies, died, dead, death, bullet*, blood",
        "ru": "убить, убью, убьём, убьем, убей, убейте, убивать, убили, убил, убит*, убийств*, убийц*, расстрел*, "
              "зарежу, зарезать, зарезали, повесить, повешу, повесили, повешен*, сжечь, сожгу, сожгли, сожж*, "
              "взорв*, уничтож*, перебить, пристрел*, застрел*, резня, резни, геноцид*, изнасил*, избить, "
              "изобью, смерть, смерти, сдохн*, подохн*, вешать, пытк*, пытать, кровь, крови",
        "tr": "öldür*, gebert*, katlet*, katli*, katliam*, kurşun*, yakacağ*, asacağ*, asıl*, bomba*, imha*, "
              "soykırım*, tecavüz*, ölüm*, ölsün*, ölü, öldü, kan, kanı*, işkence*, idam*, boğazla*, vurul*",
        "az": "öldür*, gəbər*, qətl*, qətliam*, qırğın*, güllə*, yandır*, asıl*, partlat*, məhv*, soyqırım*, "
              "təcavüz*, ölüm*, ölsün*, öldü, ölü, qan, qanı*, işgəncə*, edam*, boğazla*, oldur*, gebers*",
        "hy": "սպան*, կսպան*, մորթ*, կմորթ*, կրակել*, գնդակ*, այրել*, վառել*, կվառ*, կախել*, կկախ*, ոչնչաց*, "
              "կոչնչաց*, ջարդ*, կջարդ*, ցեղասպան*, բռնաբար*, մահ*, սատկ*, արյուն*, խոշտանգ*, մեռ*, "
              "spanel*, kspan*, mort*, kmort*, cexaspan*, tseghaspan*",
    },
    "you": {
        "en": "you, your, yours, yourself, yourselves, you're, youre, you've, you'll, ur, u",
        "ru": "ты, тебя, тебе, тобой, твой, твоя, твоё, твое, твои, твоего, твоей, твоих, твоим, твою, вы, вас, "
              "вам, вами, ваш, ваша, ваше, ваши, вашего, вашей, ваших, ty, tebya, tebe, tvoy, tvoya, vy, vas",
        "tr": "sen, seni, sana, senin, sende, senden, siz, sizi, size, sizin, sizden, ulan, lan",
        "az": "sən, səni, sənə, sənin, səndən, siz, sizi, sizə, sizin, sizdən",
        "hy": "դու, քեզ, քո, քեզնից, դուք, ձեզ, ձեր, ձեզնից, du, qez, qo, duq, dzez, dzer",
    },
    "politician": {
        "en": "aliyev*, aliev*, ilham, pashinyan*, pashinian*, nikol, erdogan*, erdoğan*, putin*, kocharyan*, "
              "sargsyan*, sarkisyan*, lavrov*, mirzoyan*, bayramov*, vardanyan*, mehriban, biden*, trump*, "
              "macron*, zelensky*, zelenskyy*, lukashenko*, blinken*, prime minister, president, minister, "
              "mp, senator, ambassador, spokesman, spokesperson",
        "ru": "алиев*, ильхам*, пашинян*, никол, эрдоган*, путин*, кочарян*, саргсян*, лавров*, мирзоян*, "
              "байрамов*, варданян*, байден*, трамп*, макрон*, зеленск*, лукашенк*, премьер*, президент*, "
              "министр*, депутат*, посол, посла, спикер*",
        "tr": "aliyev*, paşinyan*, erdoğan*, erdogan*, putin*, başbakan*, cumhurbaşkan*, bakan*, milletvekil*, "
              "büyükelçi*, sözcü*",
        "az": "əliyev*, aliyev*, ilham, paşinyan*, ərdoğan*, putin*, prezident*, baş nazir*, nazir*, deputat*, "
              "səfir*, sözçü*",
        "hy": "ալիև*, ալիեվ*, փաշինյան*, նիկոլ*, էրդողան*, պուտին*, քոչարյան*, սարգսյան*, լավրով*, միրզոյան*, "
              "վարչապետ*, նախագահ*, նախարար*, պատգամավոր*, դեսպան*, aliev*, pashinyan*, nikol*, "
              "varchapet*, naxagah*, nakhagah*",
    },
    "identity": {
        "en": "armenian*, azerbaijani*, azeri*, azerbaijanian*, turk, turks, turkish, russian*, georgian*, jew, "
              "jews, jewish, muslim*, moslem*, christian*, women, woman, girls, migrant*, immigrant*, refugee*, "
              "kurd*, arab*, black people, blacks, gay, gays, lesbian*, trans people, iranian*, persian*, "
              "ukrainian*, roma, gypsies, africans, asians, mexicans, catholics, hindus, yazidi*, people, disabled "
              "people, the disabled, disabled, trans, transgender",
        "ru": "армян*, армяне, азербайджан*, азер*, турк*, турец*, русск*, россиян*, грузин*, еврей*, евре*, "
              "мусульман*, христиан*, женщин*, мигрант*, беженц*, курд*, араб*, украин*, цыган*, езид*, народ*, "
              "люди, людей, геи, геев, гомосексуалист*, лгбт, инвалид*, трансгендер*",
        "tr": "ermeni*, azerbaycan*, azeri*, türk*, rus, ruslar*, gürcü*, yahudi*, müslüman*, hristiyan*, "
              "kadın*, göçmen*, mülteci*, kürt*, arap*, suriyeli*, ukraynal*, çingene*, ezidi*, halk*, insanlar*, "
              "eşcinsel*, escinsel*, gey, geyler*, lgbt*, engelli*, trans",
        "az": "erməni*, ermeni*, azərbaycan*, azerbaycan*, türk*, rus, ruslar*, gürcü*, yəhudi*, yehudi*, "
              "müsəlman*, xristian*, qadın*, qadin*, miqrant*, köçkün*, qaçqın*, kürd*, ərəb*, xalq*, insanlar*, gey, "
              "geylər*, geyler*, homoseksual*, lgbt*, əlil*, elil*",
        "hy": "հայ, հայեր*, հայերը, հայուհի*, ադրբեջան*, թուրք*, ռուս*, վրաց*, հրեա*, մահմեդական*, մուսուլման*, "
              "քրիստոնյա*, կին, կանայք, կանանց*, միգրանտ*, փախստական*, քուրդ*, քրդեր*, արաբ*, եզդի*, ժողովուրդ*, "
              "hayer*, adrbejan*, turq*, turk*, գեյ, գեյեր*, համասեռամոլ*, լգբտ*, հաշմանդամ*",
    },
    "obscene": {
        "en": "fuck*, fck*, fuk*, fucc*, phuck*, motherfuck*, shit*, bullshit*, horseshit*, cock, cocks, cocksuck*, "
              "dick, dicks, pussy, pussies, cunt*, twat*, wank*, bollock*, asshole*, arse, arsehole*, piss, "
              "pissed, pissing, crap, crappy, tits, titties, boobs, blowjob*, porn*, slut*, whore*, dildo*, "
              "jizz*, cum, cumshot*, goddamn*, damn, dammit, wtf, stfu, gtfo, bitch*, bastard*, dumbass*, "
              "jackass*, dipshit*, shithead*, clusterfuck*, fuckin, effing, frigging",
        "ru": "хуй*, хуе*, хуё*, хуи*, хуя*, нахуй, похуй*, пизд*, ебат*, ебан*, ебал*, ебл*, ёб*, еб, ебу, ебёт, "
              "ебет, ебут, заеб*, заёб*, выеб*, наеб*, наёб*, поеб*, уеб*, уёб*, долбоеб*, долбоёб*, бля, бляд*, "
              "блят*, блять, сука, суки, сучар*, мудак*, мудил*, пидор*, пидар*, пидр*, гандон*, залуп*, "
              "манда, мандавошк*, шлюх*, дерьм*, говн*, жоп*, срать, сран*, ссать, обосс*, охуе*, охуи*, "
              "охрене*, хер, херн*, херов*, нахер*, похер*, пох, трах*, дроч*, "
              "huy*, hui*, pizd*, blyat*, blyad*, blya, nahuy, pohuy*, ohuel*, zhopa, govno*, dermo*, suka, "
              "ebat*, yebat*, eban*, yoban*",
        "tr": "amk, aq, amq, amına*, amina*, amcık*, amcik*, orospu*, siktir*, sikim*, sikeyim, sikerim, "
              "siktiğim*, siktigim*, sikik*, sikiş*, sikis*, sikmek, siker, sikiyim, göt, götü, götün*, götüne, "
              "götveren*, götlek*, yarrak*, yarak*, taşak*, taşşak*, bok, boktan, boku, pezevenk*, kaltak*, "
              "kahpe*, piç, piçler*, ibne*, puşt*, ananı sik*, anani sik*, ananızı*, yavşak*, amını*, amini*",
        "az": "sik, sikim*, sikdir*, siktir*, sikərəm, sikerem, sikim, sikmək, göt, götü, götün*, götünə, "
              "qəhbə*, gəhbə*, qehbe*, amcıq*, amciq*, anavı sik*, anavi sik*, anani sik*, ananı sik*, "
              "dalbayov*, blyat, blət, pox, poxu, pox yeme, poxuvu, qancıq*, fahişə*, "
              "sikishmek, sikmek, amcyghyna*",
        "hy": "քունեմ*, քունած*, քունել*, քունի*, քունեց*, քու մեր*, քո մերը, մերդ քուն*, բոզ*, քաք, քաքը, "
              "քաքի, քաքով, քաքոտ*, պոռն*, փիսյա, qunem*, kunem*, qunac*, kunac*, qu mer*, ku mer*, mert qun*, "
              "mert kun*, bozi*, qaqot*",
    },
}


@dataclass
class Match:
    category: str
    start: int  # token index
    end: int  # token index, exclusive


class _Node:
    """A trie over words: exact next words, and stems (``word*``) by length."""

    __slots__ = ("ends", "exact", "prefix", "prefix_lengths")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.prefix: dict[str, _Node] = {}
        self.prefix_lengths: tuple[int, ...] = ()
        self.ends: list[str] = []  # categories of the entries that end here

    def step(self, word: str) -> list[_Node]:
        out = []
        nxt = self.exact.get(word)
        if nxt is not None:
            out.append(nxt)
        for n in self.prefix_lengths:
            if n > len(word):
                break
            nxt = self.prefix.get(word[:n])
            if nxt is not None:
                out.append(nxt)
        return out

    def finish(self) -> None:
        self.prefix_lengths = tuple(sorted({len(k) for k in self.prefix}))
        self.ends = sorted(set(self.ends))
        for child in (*self.exact.values(), *self.prefix.values()):
            child.finish()


@dataclass
class Cues:
    """Compiled lists. ``match(tokens)`` returns every hit; ``features(...)`` the dense vector."""

    root: _Node = field(default_factory=_Node)
    lexicon: frozenset[int] = frozenset()  # crc32 of normalised obscene words (from ../shared/lexicons)
    _cache: dict[str, tuple[tuple[_Node, ...], bool]] = field(default_factory=dict)

    def _first(self, word: str) -> tuple[tuple[_Node, ...], bool]:
        got = self._cache.get(word)
        if got is None:
            got = (tuple(self.root.step(word)), zlib.crc32(word.encode("utf-8")) in self.lexicon)
            if len(self._cache) > 50000:
                self._cache.clear()
            self._cache[word] = got
        return got

    def match(self, tokens: Sequence[Token]) -> list[Match]:
        words = [t.text for t in tokens]
        n_words = len(words)
        out: list[Match] = []
        for i, w in enumerate(words):
            nodes, in_lexicon = self._first(w)
            if in_lexicon:
                out.append(Match("obscene", i, i + 1))
            if not nodes:
                continue
            stack = [(node, i + 1) for node in nodes]
            while stack:
                node, j = stack.pop()
                for category in node.ends:
                    out.append(Match(category, i, j))
                if j < n_words and (node.exact or node.prefix):
                    stack.extend((nxt, j + 1) for nxt in node.step(words[j]))
        return out

    def features(self, tokens: Sequence[Token], matches: Sequence[Match]) -> list[float]:
        counts = dict.fromkeys(CATEGORIES, 0)
        seen: set[tuple[str, int]] = set()
        for m in matches:
            if (m.category, m.start) not in seen:  # one word counts once per category
                seen.add((m.category, m.start))
                counts[m.category] += 1
        mention = 1.0 if tokens and tokens[0].text == "user" else 0.0
        url = sum(1 for t in tokens if t.text == "url")
        c = {k: _log1p(v) for k, v in counts.items()}
        b = {k: 1.0 if v else 0.0 for k, v in counts.items()}
        addressed = max(b["you"], mention)
        values = {
            "obscene": c["obscene"], "insult": c["insult"], "slur": c["slur"], "dehuman": c["dehuman"],
            "threat": c["threat"], "violence": c["violence"], "you": c["you"], "politician": c["politician"],
            "mention": mention, "you*insult": addressed * b["insult"], "you*obscene": addressed * b["obscene"],
            "you*violence": addressed * max(b["violence"], b["threat"]),
            "politician*insult": b["politician"] * b["insult"], "identity*dehuman": b["identity"] * b["dehuman"],
            "identity*violence": b["identity"] * b["violence"], "identity*threat": b["identity"] * b["threat"],
            "identity*insult": b["identity"] * max(b["insult"], b["slur"]),
            "identity*negtrait": b["identity"] * b["negtrait"], "url": _log1p(url),
        }
        return [values[k] for k in CUE_FEATURES]


_LOG1P = [0.0, 0.6931, 1.0986, 1.3863, 1.6094, 1.7918, 1.9459, 2.0794]


def _log1p(n: int) -> float:
    return _LOG1P[n] if n < len(_LOG1P) else _LOG1P[-1]


def _split(spec: str) -> Iterable[str]:
    for raw in spec.split(","):
        entry = re.sub(r"\s+", " ", raw).strip()
        if entry:
            yield entry


def _all_lists() -> dict[str, dict[str, str]]:
    lists = {category: dict(by_lang) for category, by_lang in LISTS.items()}
    for lang, (stems, endings, leave_out) in _THREAT_MORPHOLOGY.items():
        skip = set(leave_out.split())
        words = [s + e for s in stems.split() for e in endings.split() if s + e not in skip]
        lists["threat"][lang] = lists["threat"].get(lang, "") + ", " + ", ".join(words)
    for lang, spec in _THREAT_IMPERATIVES.items():
        lists["threat"][lang] = lists["threat"].get(lang, "") + ", " + spec
    return lists


def compile_cues(normalize: Callable[[str], Any], lexicon: Iterable[int] = ()) -> Cues:
    """Compile :data:`LISTS` with the comment normaliser (``civility.triage.normalize.normalize``)."""
    cues = Cues(lexicon=frozenset(int(x) for x in lexicon))
    for category, by_lang in _all_lists().items():
        for spec in by_lang.values():
            for entry in _split(spec):
                words: list[tuple[str, bool]] = []
                for part in entry.split(" "):
                    prefix = part.endswith("*")
                    toks = tokens_from_normalized(normalize(part.rstrip("*")))
                    for j, tok in enumerate(toks):
                        words.append((tok.text, prefix and j == len(toks) - 1))
                if not words:
                    continue
                node = cues.root
                for word, prefix in words:
                    node = (node.prefix if prefix else node.exact).setdefault(word, _Node())
                node.ends.append(category)
    cues.root.finish()
    return cues
