"""The story model: what the adapter understood of a synopsis, before it is Fountain.

The passes fill it in order (sentences, entities and mentions, events,
places, times, scenes); ``screenplay adapt --dump-ir FILE.json`` writes it so
a person can see why a heading or a cue came out as it did.  Every record
points back to its source sentence by index; offsets are characters into the
original synopsis.  Plain dataclasses of strings, numbers and lists: the JSON
is ``dataclasses.asdict`` of a :class:`Story`.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Literal

EntityKind = Literal["person", "group"]
EventKind = Literal["say", "move", "act"]
MentionHow = Literal["name", "role", "pronoun"]
PlaceLevel = Literal["area", "building", "room"]

#: Version of the JSON layout; raised when a field changes meaning.
IR_VERSION = 1


@dataclass
class SentenceIR:
    """A source sentence: where it is, and its text as the synopsis wrote it."""

    index: int
    paragraph: int
    start: int
    text: str


@dataclass
class Entity:
    """A character (or a group acting as one): cue, names, sex, actor."""

    id: str
    kind: EntityKind
    name: str
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    actor: str | None = None
    first_sentence: int | None = None
    speaks: bool = False


@dataclass
class Mention:
    """A phrase of a sentence that refers to an entity (token offsets in the sentence)."""

    entity: str
    sentence: int
    start: int
    end: int
    text: str
    how: MentionHow


@dataclass
class Event:
    """Something that happens: a verb with who does it, to whom, what, where and when."""

    kind: EventKind
    sentence: int
    verb: str
    agent: str | None = None
    recipient: str | None = None
    content: str | None = None
    place: str | None = None
    time: str | None = None
    dialogue: bool = False          # a "say" event that became a line


@dataclass
class PlaceIR:
    """A place of the story; ``parent`` makes the hierarchy (building -> room)."""

    id: str
    name: str
    level: PlaceLevel
    int_ext: str
    parent: str | None = None


@dataclass
class TimeIR:
    """The time of a scene: day part or relation to the scene before, flashback or not."""

    scene: int
    label: str
    flashback: bool = False
    dates: list[str] = field(default_factory=list)


@dataclass
class SceneIR:
    """One scene: its heading, place, time, source sentences and the people in it."""

    index: int
    heading: str
    place: str | None
    time: str
    sentences: list[int] = field(default_factory=list)
    cast: list[str] = field(default_factory=list)
    cut: bool = False


@dataclass
class Story:
    """Everything the passes found, in the order they found it."""

    title: str
    sentences: list[SentenceIR] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[PlaceIR] = field(default_factory=list)
    times: list[TimeIR] = field(default_factory=list)
    scenes: list[SceneIR] = field(default_factory=list)

    def entity(self, eid: str) -> Entity | None:
        return next((e for e in self.entities if e.id == eid), None)

    def to_json(self) -> str:
        """The model as indented JSON (UTF-8 text, accents kept)."""
        data = {"version": IR_VERSION, **asdict(self)}
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
