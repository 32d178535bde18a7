"""Versioned policies: one document per version; clauses whose value changed are distractors.

Every clause names its policy and version (`Travel Policy v4 caps ...`), so the two versions'
sentences differ only in the qualifier and the value. Only clauses whose value changed between
versions become questions: a clause both versions agree on would have two correct sources.
Questions name the version the way people do ("version 4 of the Travel Policy"). Each clause
opens a subsection of its own (`### Business class threshold`), as numbered policy clauses do.
With `starter.align_to_chunks`, each asked clause lies in the first 2/5 of one starter chunk,
within the starter encoder's reach (`corpus.document.within_reach`), and, opening its
subsection, at the head of a chunk for any chunker that starts chunks at headings.
"""

from __future__ import annotations

import random

from corpus.banks import policies as bank
from corpus.banks.types import PolicyClause, ValueSpec
from corpus.document import DocBuilder, Document, within_reach
from corpus.failure_modes import DISTRACTOR
from corpus.knobs import Profile
from corpus.slots import capitalise
from corpus.world import World

CHANGE_SHARE = 0.5  # share of numeric clauses whose value differs between consecutive versions


def draw_value(rng: random.Random, spec: ValueSpec) -> str:
    """Draw and format one value of a bank `ValueSpec`."""
    if spec.choices:
        return spec.fmt.format(rng.choice(spec.choices))
    return spec.fmt.format(rng.randrange(spec.low, spec.high + 1, spec.step))


def _numeric(clause: PolicyClause) -> bool:
    spec = clause.value
    return not spec.choices or all(any(c.isdigit() for c in v) for v in spec.choices)


def item(clause_key: str) -> str:
    """The cohort item of a question on this clause in any version (`CandidateQuestion.item`)."""
    return f"policy/{clause_key}"


def items() -> set[str]:
    return {item(c.key) for p in bank.templates() for c in p.clauses}


def render_policies(world: World, profile: Profile) -> list[Document]:
    knobs = profile.corpus
    rng = world.rng("policies")
    families = bank.templates()
    chosen = rng.sample(families, min(knobs.policies, len(families)))
    docs = []
    for template in chosen:
        prng = world.rng("policy", template.key)
        first = prng.randint(2, 5)
        versions = list(range(first, first + knobs.policy_versions))
        # values[clause.key][i] is the clause's value in versions[i]
        values: dict[str, list[str]] = {}
        for clause in template.clauses:
            row = [draw_value(prng, clause.value)]
            for _ in versions[1:]:
                if _numeric(clause) and prng.random() < CHANGE_SHARE:
                    row.append(_different(prng, clause.value, row))
                else:
                    row.append(row[-1])
            values[clause.key] = row
        for i in range(len(versions)):
            docs.append(
                _render_version(world, template, versions, i, values, profile.starter.aligned_chunk)
            )
    return docs


def clause_title(clause: PolicyClause) -> str:
    """The heading of a clause's subsection, from its key ("Business class threshold")."""
    return clause.key.replace("_", " ").capitalize()


def _different(rng: random.Random, spec: ValueSpec, taken: list[str]) -> str:
    for _ in range(100):
        value = draw_value(rng, spec)
        if value not in taken:
            return value
    raise ValueError(f"value spec {spec} cannot produce a new value")


def _render_version(world, template, versions, i, values, chunk: int | None) -> Document:
    version = versions[i]
    name = f"{template.name} v{version}"
    slug = template.key.replace("_", "-")
    doc_id = f"policy-{slug}-v{version}"
    filler = world.filler(doc_id)
    rng = filler.rng
    b = DocBuilder(doc_id, name)
    purpose = [filler.fill(s) for s in template.purpose]
    purpose.append(world.sentence(filler, "policy"))
    b.paragraph(purpose)
    if len(versions) > 1:
        older = [f"v{v}" for v in versions if v < version]
        status = (
            f"This is the current version; it replaces {', '.join(older)}."
            if version == versions[-1]
            else f"This version was superseded by v{versions[-1]} and is kept for reference."
        )
        b.paragraph([status, world.sentence(filler, "policy")])
    b.heading(2, rng.choice(("Rules", "Policy statements", "What the policy requires")))
    clauses = list(template.clauses)
    rng.shuffle(clauses)

    def prose() -> str:
        return world.sentence(filler, "policy")

    # People ask for "version 4 of the Travel Policy" where the text says "Travel Policy v4":
    # matching the qualifier takes more than exact tokens.
    asked_as = f"version {version} of the {template.name}"
    for clause in clauses:
        value = values[clause.key][i]
        sentences = [capitalise(clause.statement.format(policy=name, value=value))]
        if rng.random() < 0.35:
            sentences.append(prose())
        row = values[clause.key]
        asked = len(set(row)) == len(row) and len(row) > 1  # differs from every other version
        spans = b.section_led_by(
            3, clause_title(clause), sentences, prose, chunk if asked else None, within_reach(chunk)
        )
        if asked:
            question = capitalise(clause.question.format(policy=asked_as))
            fact_key = f"{doc_id}/{clause.key}"
            b.ask(DISTRACTOR, fact_key, question, value, spans[0], item=item(clause.key))
    b.heading(2, rng.choice(("Responsibilities", "Who does what", "Roles")))
    b.paragraph([world.sentence(filler, "policy") for _ in range(rng.randint(3, 5))])
    b.heading(2, rng.choice(("Exceptions", "Questions and exceptions", "Getting an exception")))
    b.paragraph([world.sentence(filler, "policy") for _ in range(rng.randint(2, 4))])
    return b.build()
