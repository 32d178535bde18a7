"""Service runbooks (error codes), the `identifier` slice, and API references (endpoints).

Error codes follow one organisation-wide scheme (`ERR-2047`), as a shared platform's codes do, and
the codes of one runbook permute the same digits (`ERR-2047`, `ERR-2074`, `ERR-2407`). A question
names only the code, so nothing in its wording points a dense encoder at the right runbook, let
alone the right paragraph: only exact matching of the code finds it.

API references are not asked about. An endpoint path is made of words (`GET /v1/refunds/batches`),
and a sound dense encoder that reads the paragraph finds it among the few that share its resource,
so endpoint questions measured a better encoder as much as lexical matching (with them, the
embedding fix alone lifted the identifier slice more than its own). They stay in the corpus as the
lexical near-misses a keyword search meets: paths repeated across methods and API versions.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from itertools import permutations

from corpus.document import DocBuilder, Document, out_of_reach
from corpus.failure_modes import IDENTIFIER
from corpus.knobs import Profile
from corpus.wording import UNSEEN
from corpus.world import Service, World

ERROR_PREFIX = "ERR"  # every service's error codes share it (`ERR-2047`)
ITEM = "runbook/error-code"  # every code question, whatever its code: one item across variants

PROBLEMS = (
    "an expired TLS certificate",
    "a full data volume",
    "replication lag above the alert line",
    "a stalled consumer group",
    "an exhausted connection pool",
    "a rejected signing key",
    "clock drift between nodes",
    "a corrupt index segment",
    "a missing feature flag",
    "a schema mismatch",
    "a throttled upstream quota",
    "a revoked service token",
    "a failed leader election",
    "a stuck migration lock",
    "a poisoned cache entry",
    "an unreachable secrets vault",
    "a malformed webhook payload",
    "a duplicate idempotency key",
    "an oversized request body",
    "a dead-letter queue overflow",
    "a partial batch commit",
    "a DNS resolution timeout",
    "a stale read replica",
    "a misrouted shard key",
    "a checksum mismatch",
    "an unacknowledged delivery receipt",
    "a truncated export file",
    "a disabled encryption key",
    "a saturated thread pool",
    "an orphaned lease",
    "a rejected currency code",
    "a missing tax region",
    "an unsigned release artefact",
    "a locked customer record",
    "a paused scheduler",
    "a failed health probe",
    "a rate-limited partner API",
    "an invalid routing rule",
    "a timed-out settlement file",
    "a mismatched ledger balance",
)
PLACES = (
    "on the primary database",
    "in the ingestion queue",
    "on the edge gateway",
    "in the nightly batch",
    "on the read path",
    "in the outbound mailer",
    "in the payment adapter",
    "on the search cluster",
    "in the export worker",
    "on the identity bridge",
    "in the reporting warehouse",
    "on the webhook relay",
    "in the billing run",
    "on the object store",
    "in the retry scheduler",
    "on the partner link",
    "in the audit trail",
    "on the mobile push channel",
    "in the tenant router",
    "on the archive tier",
)
REMEDIES = (
    "Page the {team} team if it persists for more than {n} minutes.",
    "Fail over to the standby region before touching the primary, and tell {channel} first.",
    "Restart the affected workers one at a time and watch the {metric} while they come back.",
    "Open a ticket with the {team} team and attach the last hour of logs.",
    "Rotate the credential from the secrets console and redeploy, then note it in {ticket}.",
    "Drain the queue to the holding area and replay it once traffic is quiet.",
    "Roll back the most recent deployment if it started within the last {n} hours.",
    "Check the partner status page before escalating to the vendor through {person}.",
    "Freeze further releases until the cause is understood and {person} has signed off.",
    "Silence the alert only after a fix is deployed and confirmed in {channel}.",
    "Compare the error rate with the previous {weekday} before deciding to wake anyone up.",
    "Capture a heap profile first, because a restart destroys the evidence.",
    "If customers are affected, ask {person} to post a holding statement within {n} minutes.",
    "Scale the worker pool up by {n} instances and check whether the backlog shrinks.",
    "Confirm with the {team} team whether a migration is running before you intervene.",
    "Record every step you take in {ticket} so the review has an accurate timeline.",
)
RESOURCES = (
    "batches",
    "accounts",
    "refunds",
    "exports",
    "jobs",
    "webhooks",
    "tokens",
    "reports",
    "schedules",
    "invoices",
    "payouts",
    "sessions",
    "devices",
    "shipments",
    "quotes",
    "rules",
    "audits",
    "imports",
    "tenants",
    "alerts",
)
SCOPE_VERBS = {"GET": "read", "POST": "write", "PUT": "write", "DELETE": "admin"}
CODE_QUESTIONS = (
    "What does error code {code} indicate?",
    "Which problem does the error {code} signal?",
    "What condition is reported by {code}?",
)
RATE_QUESTIONS = (  # asked only of endpoints that do not exist (unanswerable questions)
    "What is the rate limit of {endpoint}?",
    "How many requests per minute does {endpoint} accept?",
)


def items() -> set[str]:
    return {ITEM}


def render_services(world: World, profile: Profile) -> list[Document]:
    knobs = profile.corpus
    conditions = [f"{p} {w}" for p in PROBLEMS for w in PLACES]
    world.rng("error-conditions").shuffle(conditions)
    docs = []
    taken: set[str] = set()  # codes are unique across runbooks
    for i, service in enumerate(world.services):
        per = knobs.error_codes_per_service
        mine = conditions[i * per : (i + 1) * per]
        chunk = profile.starter.aligned_chunk
        docs.append(_runbook(world, service, mine, chunk, taken))
        docs.append(_api_reference(world, service, knobs.endpoints_per_service))
    return docs


def error_codes(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """`count` new codes permuting a few digits (confusable on purpose), added to `taken`.

    A set of digits whose every arrangement is already taken (another service drew the same
    set) is replaced by a fresh one; before, such a seed could not be generated at all."""
    codes: list[str] = []
    for _ in range(count * 50):
        if len(codes) == count:
            break
        if len(codes) % 6 == 0:  # a fresh set of digits every six codes (3! permutations)
            base, digits = _digit_set(rng)
        code = _code(base, rng.sample(digits, 3))
        if code not in taken:
            taken.add(code)
            codes.append(code)
        elif all(_code(base, p) in taken for p in permutations(digits)):
            base, digits = _digit_set(rng)
    if len(codes) < count:
        raise ValueError(f"could not draw {count} distinct error codes")
    return codes


def _digit_set(rng: random.Random) -> tuple[int, list[str]]:
    """A leading digit and three more, whose arrangements make codes that look alike."""
    return rng.randint(1, 9), rng.sample("0123456789", 3)


def _code(base: int, digits: Iterable[str]) -> str:
    return f"{ERROR_PREFIX}-{base}{''.join(digits)}"


OWNER_FORMS = (
    "The {team} team looks after the {service} service; whoever is on call for it starts here.",
    "Escalations for the {service} service go to the {team} team, whose on-call engineer "
    "should read this runbook first.",
    "Questions about the {service} service belong with the {team} team, which keeps this "
    "runbook up to date.",
)
"""How the unseen wording (`corpus.wording`) states who owns a service."""


def owner_sentence(world: World, service: Service) -> str:
    """The runbook's first sentence, naming the team that owns the service: the first hop of a
    `multihop` question (`corpus.genres.bridges`)."""
    if world.wording == UNSEEN:
        form = world.rng(UNSEEN, "owner", service.name).choice(OWNER_FORMS)
        return form.format(team=service.team, service=service.name)
    return (
        f"The {service.name} service is owned by the {service.team} team, and this runbook "
        f"is the first stop for anyone on call for it."
    )


def _runbook(
    world: World, service: Service, conditions: list[str], chunk: int | None, taken: set[str]
) -> Document:
    doc_id = f"runbook-{service.name}"
    filler = world.filler(doc_id)
    rng = filler.rng

    def prose() -> str:
        return world.sentence(filler, "runbook", service=service.name)

    b = DocBuilder(doc_id, f"Runbook: the {service.name} service")
    b.paragraph(
        [
            owner_sentence(world, service),
            world.sentence(filler, "runbook", service=service.name),
            world.sentence(filler, "runbook", service=service.name),
        ]
    )
    b.heading(2, rng.choice(("Dashboards and alerts", "Where to look first", "Monitoring")))
    b.paragraph([world.sentence(filler, "runbook", service=service.name) for _ in range(3)])
    b.heading(2, rng.choice(("Error codes", "Error reference", "Known error codes")))
    codes = error_codes(rng, len(conditions), taken)
    for code, condition in zip(codes, conditions, strict=True):
        sentences = [f"`{code}` indicates {condition}.", filler.fill(rng.choice(REMEDIES))]
        if rng.random() < 0.6:
            sentences.append(world.sentence(filler, "runbook", service=service.name))
        spans = b.paragraph_within(sentences, {0}, prose, chunk, out_of_reach(chunk))
        question = rng.choice(CODE_QUESTIONS).format(code=code)
        b.ask(IDENTIFIER, f"{doc_id}/{code}", question, condition, spans[0], item=ITEM)
    b.heading(2, rng.choice(("Routine maintenance", "Planned work", "Housekeeping")))
    b.paragraph(
        [world.sentence(filler, "runbook", service=service.name) for _ in range(rng.randint(3, 5))]
    )
    b.heading(2, rng.choice(("Escalation", "When to escalate", "Escalation path")))
    b.paragraph([world.sentence(filler, "runbook", service=service.name) for _ in range(3)])
    return b.build()


def endpoints(rng: random.Random, service: str, count: int) -> list[tuple[str, str]]:
    """(method, path) pairs that reuse resources across methods and API versions."""
    resources = rng.sample(RESOURCES, max(1, (count + 2) // 3))
    pairs: list[tuple[str, str]] = []
    options = [
        (m, f"/v{v}/{service}/{r}{suffix}")
        for r in resources
        for v in (1, 2)
        for m, suffix in (("GET", ""), ("POST", ""), ("GET", "/{id}"), ("DELETE", "/{id}"))
    ]
    rng.shuffle(options)
    for option in options:
        if len(pairs) == count:
            break
        pairs.append(option)
    return pairs


def _api_reference(world: World, service: Service, count: int) -> Document:
    doc_id = f"api-{service.name}"
    filler = world.filler(doc_id)
    rng = filler.rng

    b = DocBuilder(doc_id, f"API reference: {service.name}")
    b.paragraph(
        [
            f"All {service.name} endpoints are served under the internal gateway and require a "
            f"service token issued by the identity platform.",
            world.sentence(filler, "api", service=service.name),
            world.sentence(filler, "api", service=service.name),
        ]
    )
    b.heading(2, rng.choice(("Endpoints", "Endpoint reference", "Available endpoints")))
    limits = rng.sample(range(20, 2001, 10), count)
    for (method, path), limit in zip(endpoints(rng, service.name, count), limits, strict=True):
        endpoint = f"{method} {path}"
        scope = f"{service.name}:{SCOPE_VERBS[method]}"
        rate = f"{limit} requests per minute"
        b.paragraph(
            [
                f"`{endpoint}` requires the `{scope}` scope and accepts at most {rate} per client.",
                world.sentence(filler, "api", service=service.name),
            ]
        )
    b.heading(2, rng.choice(("Errors and retries", "Retries", "Error handling")))
    b.paragraph([world.sentence(filler, "api", service=service.name) for _ in range(3)])
    b.heading(2, rng.choice(("Changelog", "Recent changes", "Deprecations")))
    b.bullets(
        [world.sentence(filler, "api", service=service.name) for _ in range(rng.randint(2, 4))]
    )
    return b.build()
