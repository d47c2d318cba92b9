"""Who asks and who answers.

In order of authority: roles the user declared (``--interviewer``, a declared cast), roles
the labels carry (``Editor``, ``Host``, ``Q`` ask; ``Guest``, ``A`` answer), then behaviour.
Everyone who does not ask answers, except speakers whose labels say they are neither
(``Narrator``, ``Announcer``, ``Interpreter``). Behaviour is read only where it decides
something: when no label names who asks, or when labels name both who asks and who
answers (a deposition's ``Q`` and ``A``), to find the questioners among the other voices
(counsel who take over from ``Q``); those who do not ask are ``other`` then.

Behaviour reads the conversation (``conduct.py`` tallies what each turn does to the floor,
over the opening 500 turns and the first turns of anybody who arrives later) and scores each
speaker in one sum:

``prompts / (turns + 1)``
    The share of their turns that ask the others something. Asking is what an interviewer
    does; the share (not the count) keeps a talkative guest's occasional question small, and
    the ``+ 1`` makes one question in one turn weak evidence. Asking back (a question put to
    somebody who has just asked) and questions that are only reported speech or a filler tag
    (*you know?*) are not prompts: guests do those.
``HOSTING_WEIGHT * hosting / (turns + 1)``
    The share of their turns that host: a host's phrase (*welcome to*, *my guest*), steering
    to a topic (*let's talk about*, *What about ...?*) or handing the floor to the next
    speaker by name (*Ishana, what was it like?*). Whoever runs a conversation does these;
    it finds hosts and panel moderators whose questions are few.
``REPLY_WEIGHT * mean log2(reply words / prompt words)``, clipped to [-1, 3]
    Interviewers ask short questions that get long answers. Only questions a turn ends on
    count: the next speaker replies to those, not to a question in the middle of a turn.

The best scorer asks. Others ask too when they reach ``RELATIVE_SHARE`` of the best score
*and* conducted (prompted or hosted) in at least ``CONSISTENT`` turns: a second interviewer
is a pattern over the conversation (a co-host, a panel member questioning a witness), never
one question that happened to draw a long reply. Both the best scorer and a second
interviewer by score must have conducted at least ``VOLUME_SHARE`` of the turns that the
most conducting speaker conducted: a share of two turns out of two is a high score, but a
caller who asks twice in a call that somebody else conducted twenty times does not run it.
A speaker whom a chosen interviewer calls their co-host asks as well. If even the best
score is below ``MIN_SCORE``, the best scorer still asks when they conducted in
``CONSISTENT`` turns (in a free conversation the host's evidence is thin but repeated);
otherwise nobody does. Somebody has to answer: when everybody would ask, only the best
scorer does, unless ``PANEL`` or more speakers each handed the floor to another by name
(hosts talking among themselves: each asks, and pairing reads them as a panel of peers).
A voice whose label says it is neither side (``Operator``, ``Narrator``) never asks by
behaviour, however much it conducts: an operator hands the floor to every caller.

A *questioner* asks too, however few their turns: most of what they say
(``QUESTIONER_SHARE`` of their words) is in turns that yield the floor with a question, or
that a chair called them to speak, that ask something and that somebody else took up; and
fewer than
``ANSWERING_SHARE`` of their turns answer a question or call on somebody (a chair who
reads out a written question runs the floor). Question time in a parliament, a
press conference, the queue of a standards meeting and an audience Q&A are like that: many
people ask once or twice, one or two answer. A guest's occasional short question is a small
share of their words, and a witness called to testify answers.

A transcript's header may name people by their part (``### Moderator: Trenton Van Epps``,
``**Host:** Ana Ruiz``, ``Entrevistadora: Marta Gil``, a front matter ``guest: ...``;
``intro.header_people``): a speaker it names in a part that asks asks, one it names in a
part that answers answers (role source ``declared``), and behaviour decides the others, with
the named asker among the candidates for the lead.

A single letter names a role only as the whole label (``Q``, ``A``), not in a diarization
tag (``Speaker A``). Labels name roles in the corpus's languages too (``Periodista``,
``Moderatorin``, ``Pergunta``, ``Réponse``); a presiding officer (``Vizepräsident``,
``O SR. PRESIDENTE``, ``CHAIR``) whom behaviour does not find asking, and who does not
answer questions either, runs the floor: their role is ``other``, as is that of anyone
whose label says they are neither side (``Narrator``, ``Operator``, ``Intérprete``). A
presiding officer's prompts are mostly procedural (*any questions for this witness?*), so
they ask only as the best scorer or as a questioner, never as a second interviewer by
score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ..model import CastMember, Role
from .conduct import Conduct, Vocabulary, conduct
from .intro import names_speaker
from .labels import ANSWERING, ASKING, LabelInfo, Shape, declared_keys, name_key, word_set, words_of
from .speakers import SpeakerGroup

# Label words of voices that neither ask nor answer, in the corpus's languages.
_OTHER_WORDS = word_set(
    """narrator announcer voice voiceover voice-over operator interpreter translator clerk
    crowd narrador narradora narrateur narratrice erzähler erzählerin sprecher sprecherin
    locutor locutora speaker-off operador operadora opérateur opératrice intérprete
    interprète dolmetscher dolmetscherin traductor traductora tradutor tradutora traducteur
    traductrice übersetzer übersetzerin"""
)
# Label words that say the speaker asks or answers, beyond the English ones that the label
# analysis knows (``labels.ASKING``, ``labels.ANSWERING``).
_ASKING_WORDS = word_set(
    """journalist journalistin journaliste periodista jornalista reporter reporterin
    reportera reportero repórter moderator moderatorin moderador moderadora modérateur
    modératrice presenter presentador presentadora apresentador apresentadora présentateur
    présentatrice animateur animatrice interviewer interviewerin intervieweur intervieweuse
    entrevistador entrevistadora fragesteller fragestellerin question pregunta pergunta
    frage questão anchor correspondent korrespondent korrespondentin corresponsal
    correspondente host gastgeber gastgeberin anfitrión anfitriã"""
)
_ANSWERING_WORDS = word_set(
    """entrevistado entrevistada interviewé interviewée befragter befragte invitado invitada
    convidado convidada invité invitée gast respuesta resposta réponse antwort answer
    testigo testemunha témoin zeuge zeugin guest"""
)
# Label words of a presiding officer.
_PRESIDING_WORDS = word_set(
    """chair chairman chairwoman chairperson presiding president präsident präsidentin
    vizepräsident vizepräsidentin alterspräsident alterspräsidentin vorsitzender vorsitzende
    presidente presidenta vice-presidente président présidente vice-président vice-présidente
    court judge magistrate juez jueza juge richter richterin juiz juíza"""
)
# Who else asks: this share of the best score (and CONSISTENT turns of conducting).
RELATIVE_SHARE = 0.6
# A best score this high is enough by itself; below it, CONSISTENT turns of conducting are.
MIN_SCORE = 0.25
# Weights of the behaviour score: hosting turns, and how much longer the reply to a prompt
# is than the prompt (mean log2 ratio, clipped to [-1, 3]).
HOSTING_WEIGHT = 0.5
REPLY_WEIGHT = 0.1
# Turns of conducting (prompting or hosting) that show a pattern rather than one question.
CONSISTENT = 2
# Speakers of a panel of hosts, who all ask (see _by_behaviour).
PANEL = 3
# The lead and a second interviewer conduct at least this share of the turns that the most
# conducting speaker conducts.
VOLUME_SHARE = 1 / 3
# A questioner says more than this share of their words in turns that ask, and answers in
# fewer than ANSWERING_SHARE of their turns.
QUESTIONER_SHARE = 0.5
ANSWERING_SHARE = 0.5


@dataclass(frozen=True)
class RoleDecision:
    role: Role
    source: str  # "declared", "label" or "behaviour"


# Every decision there can be, made once and shared (a value: frozen), since a transcript
# may have 100,000 speakers and a frozen dataclass costs twice as much to make.
_DECISIONS = {
    (role, source): RoleDecision(role, source)
    for role in Role
    for source in ("declared", "label", "behaviour")
}


def score(c: Conduct) -> float:
    """Behaviour score of a speaker: how much they act like the one who asks (see above)."""
    if not c.turns:
        return 0.0
    mean_reply = sum(c.replies) / len(c.replies) if c.replies else 0.0
    return (
        c.prompts / (c.turns + 1)
        + HOSTING_WEIGHT * c.hosting / (c.turns + 1)
        + REPLY_WEIGHT * max(-1.0, min(3.0, mean_reply))
    )


def assign_roles(
    groups: Sequence[SpeakerGroup],
    turns: Sequence[tuple[SpeakerGroup, str]],
    declared_interviewers: Iterable[str] = (),
    cast: Sequence[CastMember] = (),
    header: Sequence[tuple[str, str]] = (),
) -> dict[str, RoleDecision]:
    """Map each group id to its role and what decided it (``header``: the people that the
    transcript's header names by their part, ``intro.header_people``)."""
    declared = {k for d in declared_interviewers for k in declared_keys(d)}
    cast_roles = {name_key(m.label): m.role for m in cast if m.role is not None}
    decisions: dict[str, RoleDecision] = {}
    vocabulary = Vocabulary()  # the words of each spelling, for labels and for conduct
    for group in groups if cast_roles else ():
        role = next((cast_roles[k] for k in sorted(group.keys) if k in cast_roles), None)
        if role is not None:
            decisions[group.id] = _DECISIONS[role, "declared"]
    if declared:
        for group in groups:
            if group.keys & declared:
                decisions[group.id] = _DECISIONS[Role.interviewer, "declared"]
    else:
        for group in groups:
            infos = group.infos
            # (one spelling without a role hint, most speakers: no set of hints to make)
            if len(infos) == 1 and infos[0].role_hint is None:
                hints = _hints(vocabulary.words(infos[0].raw))
            else:
                hints = {h for h in map(_label_hint, infos) if h is not None}
                if not hints:
                    hints = _hints(_label_words(group, vocabulary))
            if len(hints) == 1 and group.id not in decisions:
                decisions[group.id] = _DECISIONS[hints.pop(), "label"]
    asker_named = any(d.role is Role.interviewer for d in decisions.values())
    answerer_named = any(d.role is Role.interviewee for d in decisions.values())
    # Behaviour is read where it decides something: not when the user declared who asks,
    # nor when labels name who asks and not who answers (then everybody else answers).
    undecided = [g for g in groups if g.id not in decisions]
    needed = bool(undecided) and len(groups) > 1 and (not asker_named or answerer_named)
    tally = conduct(groups, turns, vocabulary) if needed and not declared else {}
    if not asker_named:
        named = _header_roles(header, [g for g in groups if g.id not in decisions])
        for ident in _by_behaviour(groups, tally, decisions, vocabulary, named):
            source = "declared" if named.get(ident) is Role.interviewer else "behaviour"
            decisions[ident] = _DECISIONS[Role.interviewer, source]
        for ident, role in named.items():
            if role is Role.interviewee:
                decisions[ident] = _DECISIONS[role, "declared"]
    elif answerer_named and tally:
        # Labels name both sides (Q and A); the other voices are colloquy, and those of
        # them who are questioners ask too (counsel who take over from "Q").
        for group in undecided:
            if questions(tally[group.id]):
                decisions[group.id] = _DECISIONS[Role.interviewer, "behaviour"]
    # When labels already name who answers (A, Guest), the other voices are colloquy:
    # counsel, the court, an objection. Otherwise whoever does not ask answers, except
    # those whose label says they are neither side and a presiding officer who answers
    # nobody.
    sources = ("declared", "declared") if declared else ("label", "behaviour")
    other, answers = _DECISIONS[Role.other, sources[0]], _DECISIONS[Role.interviewee, sources[1]]
    for group in groups:
        if group.id not in decisions:
            words = _name_words(group, vocabulary)
            presides = not words.isdisjoint(_PRESIDING_WORDS) and _answers_nobody(
                tally.get(group.id)
            )
            neither = answerer_named or not words.isdisjoint(_OTHER_WORDS) or presides
            decisions[group.id] = other if neither else answers
    return decisions


def _label_hint(info: LabelInfo) -> Role | None:
    """The role a label names. A letter names one (``Q``, ``A``) only alone: ``Speaker A``
    and ``Person B`` are diarization tags, not answers."""
    if info.role_hint is None or info.shape is not Shape.role:
        return info.role_hint
    words = words_of(info.name)
    if len(words) > 1 and not any(len(w) > 1 and w in ASKING | ANSWERING for w in words):
        return None
    return info.role_hint


def _label_words(group: SpeakerGroup, vocabulary: Vocabulary) -> AbstractSet[str]:
    """The words of every spelling of a speaker's label, qualifiers included."""
    if len(group.infos) == 1:  # most speakers have one spelling: its words as they are
        return vocabulary.words(group.infos[0].raw)
    return set().union(*(vocabulary.words(info.raw) for info in group.infos))


def _name_words(group: SpeakerGroup, vocabulary: Vocabulary) -> AbstractSet[str]:
    """The words of every spelling of a speaker's name, without qualifiers: an affiliation
    (``Voice of America``, ``President of the Rotary Club``) says nothing of the role."""
    if len(group.infos) == 1:
        return vocabulary.words(group.infos[0].name)
    return set().union(*(vocabulary.words(info.name) for info in group.infos))


def _hints(words: AbstractSet[str]) -> set[Role]:
    """The roles that label words name (the languages beyond the label analysis's)."""
    hints = set()
    if words & _ASKING_WORDS:
        hints.add(Role.interviewer)
    if words & _ANSWERING_WORDS:
        hints.add(Role.interviewee)
    return hints


def _answers_nobody(c: Conduct | None) -> bool:
    return c is not None and c.answering < ANSWERING_SHARE * c.turns


def questions(c: Conduct) -> bool:
    """Whether a speaker is a questioner (see the module docstring)."""
    return (
        c.asking_words > QUESTIONER_SHARE * c.words
        and c.answering < ANSWERING_SHARE * c.turns
        and c.calls < ANSWERING_SHARE * c.turns
    )


def _by_behaviour(
    groups: Sequence[SpeakerGroup],
    tally: dict[str, Conduct],
    decided: dict[str, RoleDecision],
    vocabulary: Vocabulary,
    named: Mapping[str, Role],
) -> list[str]:
    """The undecided speakers who ask, by the rules of the module docstring; ``named``:
    the parts that the header gives speakers, which behaviour does not overrule."""
    undecided = {g.id for g in groups if g.id not in decided}
    if len(groups) < 2 or not undecided:
        return []
    told = {i for i, role in named.items() if role is Role.interviewer}
    undecided -= {i for i, role in named.items() if role is not Role.interviewer}
    by_id = {g.id: g for g in groups}
    # A voice whose label says it is neither side (an operator, a narrator) does not ask,
    # however much it conducts: an operator hands the floor to every caller.
    neither = {
        i for i in undecided if not _name_words(by_id[i], vocabulary).isdisjoint(_OTHER_WORDS)
    }
    scores = {i: score(c) for i, c in tally.items() if i in undecided and i not in neither}
    if not scores:
        return []
    # Whoever runs the conversation conducts a good part of it: a speaker who asked in two
    # turns of a call that somebody else conducted in twenty neither leads nor co-hosts,
    # however well their share of questions scores.
    most = max(tally[i].conducting for i in scores)
    steady = {i for i in scores if VOLUME_SHARE * most <= tally[i].conducting}
    # (on equal scores the first to speak leads: the set's order varied with the hash seed,
    # so that one file's roles changed from one run to the next)
    lead = max((i for i in scores if i in steady), key=lambda i: scores[i])
    enough = scores[lead] >= MIN_SCORE or tally[lead].conducting >= CONSISTENT
    # A presiding officer's prompts are mostly procedural ("any questions for the
    # witness?"): they ask if they lead the questioning or are a questioner, not as a
    # second interviewer by score.

    def presides(ident: str) -> bool:
        group = by_id.get(ident)
        return group is not None and bool(_name_words(group, vocabulary) & _PRESIDING_WORDS)

    leads = scores[lead] > 0 and enough
    chosen = [
        i
        for i, s in scores.items()
        if (
            leads
            and (
                i == lead
                or (
                    s >= RELATIVE_SHARE * scores[lead]
                    and tally[i].conducting >= CONSISTENT
                    and i in steady
                    and not presides(i)
                )
            )
        )
        or questions(tally[i])
    ]
    chosen += [i for i in told if i not in chosen]
    asking = set(chosen)
    chosen += [
        i for i in undecided if i not in asking and not tally[i].cohost_of.isdisjoint(asking)
    ]
    # Somebody has to answer: if everyone scores alike, only the best asks. Unless three or
    # more speakers each hand the floor to another by name: hosts talking among themselves,
    # each of them asks (pairing reads them as a panel of peers).
    if len(chosen) == len(groups) and not (
        len(groups) >= PANEL and all(tally[i].handed for i in chosen)
    ):
        chosen = [lead, *(i for i in told if i != lead)]
    return chosen


# Parts a header names people by that ask or answer: a person's part, not "Question:".
_HEADER_ASKING = (ASKING | _ASKING_WORDS) - word_set(
    "q question questioner audience audience-member caller examiner counsel editor"
    " pregunta pergunta frage questão"
)
_HEADER_ANSWERING = (ANSWERING | _ANSWERING_WORDS) - word_set(
    "a answer respuesta resposta réponse antwort expert"
)


def _header_roles(
    header: Sequence[tuple[str, str]], groups: Sequence[SpeakerGroup]
) -> dict[str, Role]:
    """The roles that the header gives speakers (``Moderator: Trenton Van Epps``): a part
    that asks or answers, and a name that is one speaker's."""
    roles: dict[str, Role] = {}
    for part, name in header:
        words = set(words_of(part))
        role = (
            Role.interviewer
            if words & _HEADER_ASKING
            else Role.interviewee
            if words & _HEADER_ANSWERING
            else None
        )
        if role is None:
            continue
        owners = [g for g in groups if names_speaker(name, g)]
        if len(owners) == 1:
            roles.setdefault(owners[0].id, role)
    return roles
