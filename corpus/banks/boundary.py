"""Boundary facts: the subject is named in one sentence and its value given in the next.

Each pair renders as two adjacent sentences in an incident report, project update or office
note. `first` names the event through dynamic slots (service, team, city, product, date) and has
no value; `second` carries `{value}` and only refers back ("Recovery took ..."), so neither
sentence answers the question alone: a chunk boundary between them separates subject from value.
"""

from __future__ import annotations

from corpus.banks.types import BoundaryPair, ValueSpec


def _pair(key: str, first: str, second: str, question: str, value: ValueSpec) -> BoundaryPair:
    return BoundaryPair(key=key, first=first, second=second, question=question, value=value)


PAIRS: tuple[BoundaryPair, ...] = (
    _pair(
        "database_failover_recovery",
        "On {date} the {service} service lost its primary database during a routine failover test.",
        "Full recovery took {value}, most of it spent waiting for replicas to catch up.",
        "How long did the {service} service take to recover after losing its primary database "
        "on {date}?",
        ValueSpec("{} minutes", 20, 180, 5),
    ),
    _pair(
        "expired_certificate_outage",
        "An expired TLS certificate took the {service} service offline on {date}.",
        "Customers saw handshake errors for {value} until the replacement was deployed.",
        "For how long did customers see errors when the {service} service certificate expired "
        "on {date}?",
        ValueSpec("{} minutes", 15, 240, 5),
    ),
    _pair(
        "storage_cluster_migration",
        "The {team} team migrated the {service} service to the new storage cluster on {date}.",
        "In total {value} were copied without a single checksum mismatch.",
        "How many rows did the {team} team move when migrating the {service} service on {date}?",
        ValueSpec("{} million rows", 2, 90),
    ),
    _pair(
        "configuration_rollback",
        "A faulty configuration push to the {service} service on {date} forced an emergency "
        "rollback.",
        "Reverting the change finished after {value}, with the on-call engineer watching error "
        "rates fall.",
        "How long did the emergency rollback of the {service} service take on {date}?",
        ValueSpec("{} minutes", 5, 90),
    ),
    _pair(
        "product_launch_preorders",
        "The {product} launched to the public in {city} on {date}.",
        "Within the first week the sales desk logged {value} from retail and online buyers.",
        "How many preorders did the {product} collect after its {city} launch on {date}?",
        ValueSpec("{} preorders", 120, 2400, 20),
    ),
    _pair(
        "access_control_audit",
        "External auditors reviewed the {team} team's access controls during the week of {date}.",
        "Their final report listed {value} that need remediation before the next cycle.",
        "How many findings did the auditors raise about the {team} team's access controls in "
        "the week of {date}?",
        ValueSpec("{} findings", 3, 30),
    ),
    _pair(
        "release_latency_regression",
        "After the release on {date}, the {service} service began responding noticeably slower.",
        "Median latency climbed to {value} before the offending query was rewritten.",
        "What median latency did the {service} service reach after the release on {date}?",
        ValueSpec("{} milliseconds", 180, 950, 10),
    ),
    _pair(
        "log_partition_full",
        "A log partition on the {service} service hosts filled up on the night of {date}.",
        "Writes were rejected for {value} until an engineer cleared old archives.",
        "For how long were writes rejected when the {service} service log partition filled up "
        "on {date}?",
        ValueSpec("{} minutes", 10, 120, 5),
    ),
    _pair(
        "disaster_recovery_drill",
        "The {team} team ran a disaster recovery drill for the {service} service on {date}.",
        "Bringing everything back up in the secondary region took {value}.",
        "How long did the {team} team need to bring the {service} service back up during the "
        "disaster recovery drill on {date}?",
        ValueSpec("{} minutes", 40, 230, 5),
    ),
    _pair(
        "fleet_resizing_savings",
        "In the cost review of {date}, the {team} team resized the compute fleet behind the "
        "{service} service.",
        "Projected savings come to {value} each month.",
        "How much will resizing the compute fleet behind the {service} service save, according "
        "to the {team} team's cost review of {date}?",
        ValueSpec("{} EUR", 1500, 40000, 500),
    ),
    _pair(
        "office_opening_capacity",
        "The new {city} office opened its doors to staff on {date} after a long fit-out by local "
        "contractors.",
        "Desks for {value} were installed on the first two floors.",
        "How many people can the new {city} office that opened on {date} seat?",
        ValueSpec("{} people", 40, 400, 10),
    ),
    _pair(
        "flapping_health_check",
        "A flapping health check on the {service} service paged the on-call rota repeatedly on "
        "{date}.",
        "Before anyone silenced it, {value} had gone out to phones.",
        "How many alerts did the flapping health check on the {service} service send on {date}?",
        ValueSpec("{} alerts", 30, 400, 10),
    ),
    _pair(
        "billing_export_delay",
        "The nightly billing export from the {service} service ran late on {date}.",
        "Downstream reports were delivered {value} behind schedule, which delayed the morning "
        "reconciliation.",
        "How late were the downstream reports when the {service} service billing export slipped "
        "on {date}?",
        ValueSpec("{} hours", 2, 14),
    ),
    _pair(
        "kernel_patch_rollout",
        "The {team} team began rolling out an urgent kernel patch to the {service} service fleet "
        "on {date}.",
        "Every host was updated within {value} of the first reboot.",
        "How long did the {team} team need to patch the whole {service} service fleet after "
        "starting on {date}?",
        ValueSpec("{} hours", 3, 48),
    ),
    _pair(
        "replication_fault_exposure",
        "A replication fault in the {service} service on {date} left one shard without fresh "
        "backups.",
        "The exposure window for unrecoverable writes was estimated at {value}.",
        "How large was the exposure window after the replication fault in the {service} service "
        "on {date}?",
        ValueSpec("{} minutes", 5, 95, 5),
    ),
    _pair(
        "seasonal_load_test",
        "Ahead of the seasonal peak, the {team} team load-tested the {service} service on {date}.",
        "Throughput held steady up to {value} before latency began to degrade.",
        "What throughput did the {service} service sustain in the {team} team's load test on "
        "{date}?",
        ValueSpec("{} requests per second", 800, 12000, 100),
    ),
    _pair(
        "charging_fault_recall",
        "Quality engineers in {city} flagged a charging fault in the {product} on {date}.",
        "A voluntary recall followed, covering {value} already sold to customers.",
        "How many units were recalled after the charging fault in the {product} was flagged in "
        "{city} on {date}?",
        ValueSpec("{} units", 300, 9000, 100),
    ),
    _pair(
        "firmware_push_adoption",
        "New firmware for the {product} was pushed to devices in the field starting on {date}.",
        "Adoption reached {value} of the installed base by the end of the first week.",
        "What share of {product} devices had the new firmware a week after the push that "
        "started on {date}?",
        ValueSpec("{} percent", 20, 95),
    ),
    _pair(
        "payments_provider_outage",
        "A regional outage at the payments provider disrupted the {service} service on {date}.",
        "Card transactions failed for {value} while traffic was routed to the fallback gateway.",
        "How long did card transactions fail when the payments provider outage disrupted the "
        "{service} service on {date}?",
        ValueSpec("{} minutes", 10, 150, 5),
    ),
    _pair(
        "hiring_round_offers",
        "The {team} team wrapped up its hiring round in {city} on {date}.",
        "Offers went out to {value}, and every one of them had accepted by the end of the month.",
        "How many engineers received offers when the {team} team wrapped up hiring in {city} on "
        "{date}?",
        ValueSpec("{} engineers", 3, 18),
    ),
    _pair(
        "stalled_consumer_backlog",
        "A stalled consumer in the {service} service let the message queue grow unchecked on "
        "{date}.",
        "At its peak the backlog held {value} waiting to be processed.",
        "How large did the queue backlog grow when the {service} service consumer stalled on "
        "{date}?",
        ValueSpec("{} thousand messages", 40, 900, 10),
    ),
    _pair(
        "dns_record_mistake",
        "A mistyped DNS record published on {date} made the {service} service unreachable from "
        "some regions.",
        "Resolvers kept serving the bad answer for {value} because of a long time-to-live.",
        "How long did resolvers keep serving the mistyped DNS record for the {service} service "
        "after {date}?",
        ValueSpec("{} minutes", 20, 300, 10),
    ),
    _pair(
        "compliance_training_completion",
        "The {team} team closed its annual compliance training window on {date}.",
        "Completion stood at {value} of eligible staff, with the rest given two extra weeks.",
        "What completion rate did the {team} team reach in the compliance training that closed "
        "on {date}?",
        ValueSpec("{} percent", 71, 99),
    ),
    _pair(
        "legacy_endpoint_shutdown",
        "On {date} the {team} team switched off the legacy endpoints of the {service} service.",
        "Traffic logs showed {value} still calling them during the final week.",
        "How many client applications were still calling the legacy {service} service endpoints "
        "before the {team} team switched them off on {date}?",
        ValueSpec("{} client applications", 3, 60),
    ),
    _pair(
        "caching_memory_leak",
        "A memory leak in the {service} service was traced to a caching library upgrade on {date}.",
        "Each pod had to be restarted every {value} until the fix shipped.",
        "How often were pods restarted because of the memory leak in the {service} service "
        "traced on {date}?",
        ValueSpec("{} hours", 2, 20),
    ),
    _pair(
        "schema_change_table_lock",
        "A schema change applied to the {service} service on {date} held a table lock far longer "
        "than planned.",
        "Incoming writes queued behind it for {value} before the operation was cancelled.",
        "How long were writes queued behind the table lock during the {service} service schema "
        "change on {date}?",
        ValueSpec("{} minutes", 6, 90),
    ),
    _pair(
        "login_outage_contacts",
        "The login outage affecting the {service} service on {date} was declared a severity one "
        "incident.",
        "Support later counted {value} who had contacted them during the disruption.",
        "How many customers contacted support during the {service} service login outage on {date}?",
        ValueSpec("{} customers", 90, 3000, 10),
    ),
    _pair(
        "warehouse_stock_move",
        "The {city} warehouse moved its stock of {product} units to the new distribution centre "
        "on {date}.",
        "The transfer needed {value} and ran through the weekend.",
        "How many truckloads did it take to move the {product} stock out of the {city} "
        "warehouse on {date}?",
        ValueSpec("{} truckloads", 6, 60),
    ),
    _pair(
        "store_price_revision",
        "From {date} the list price of the {product} in {city} stores was revised.",
        "Shelf tags now show {value} after the adjustment, including sales tax.",
        "What list price does the {product} carry in {city} stores from {date}?",
        ValueSpec("{} EUR", 200, 1500, 10),
    ),
    _pair(
        "pricing_announcement_tickets",
        "Ticket volume for the {team} team spiked after the pricing announcement on {date}.",
        "The open queue peaked at {value} before temporary staff were brought in.",
        "How many open tickets did the {team} team have at the peak after the pricing "
        "announcement on {date}?",
        ValueSpec("{} tickets", 150, 2500, 50),
    ),
    _pair(
        "cache_purge_origin_load",
        "An accidental full cache purge on {date} sent all traffic for the {service} service "
        "back to origin.",
        "Backend load jumped to {value} of normal until the edge nodes warmed up again.",
        "How high did backend load climb after the full cache purge hit the {service} service on "
        "{date}?",
        ValueSpec("{} percent", 200, 900, 10),
    ),
    _pair(
        "onboarding_cohort_size",
        "The {city} office welcomed its largest onboarding cohort so far on {date}.",
        "The group of {value} spent their first week on security and tooling sessions.",
        "How many new hires were in the onboarding cohort the {city} office welcomed on {date}?",
        ValueSpec("{} new hires", 12, 80),
    ),
    _pair(
        "error_budget_remaining",
        "By {date} the {service} service had consumed most of its quarterly error budget.",
        "Remaining headroom was just {value} of allowed downtime, so risky deploys were paused.",
        "How much error budget did the {service} service have left on {date}?",
        ValueSpec("{} minutes", 3, 60),
    ),
    _pair(
        "checkout_redesign_experiment",
        "The {team} team enabled the redesigned checkout for a first cohort of users on {date}.",
        "Conversion in that group rose by {value} compared with the control.",
        "By how much did conversion rise after the {team} team enabled the redesigned checkout "
        "on {date}?",
        ValueSpec("{} percent", 2, 25),
    ),
    _pair(
        "penetration_test_results",
        "An external penetration test of the {service} service concluded on {date}.",
        "Testers reported {value}, none of them rated critical.",
        "How many medium-severity issues did the penetration test of the {service} service that "
        "concluded on {date} report?",
        ValueSpec("{} medium-severity issues", 2, 24),
    ),
    _pair(
        "network_partition_split",
        "A network partition between data centres split the {service} service cluster on {date}.",
        "Two leaders accepted conflicting writes for {value} before fencing kicked in.",
        "How long were conflicting writes accepted during the {service} service network "
        "partition on {date}?",
        ValueSpec("{} seconds", 20, 300, 10),
    ),
    _pair(
        "quarterly_restore_test",
        "The quarterly restore test of the {service} service backups took place on {date}.",
        "Engineers rebuilt a complete copy from snapshots in {value}.",
        "How long did the quarterly restore test of the {service} service backups on {date} take?",
        ValueSpec("{} minutes", 25, 240, 5),
    ),
    _pair(
        "database_capacity_upgrade",
        "On {date} the {team} team doubled the storage capacity of the {service} service database.",
        "Provisioned space now stands at {value} across all replicas.",
        "How much storage does the {service} service database have since the {team} team "
        "doubled it on {date}?",
        ValueSpec("{} terabytes", 4, 96, 4),
    ),
    _pair(
        "checkout_failure_acknowledgement",
        "The first page for the {service} service checkout failure on {date} went to the "
        "secondary on-call engineer.",
        "Acknowledgement came {value} after the alert fired.",
        "How long did it take to acknowledge the page about the {service} service checkout "
        "failure on {date}?",
        ValueSpec("{} minutes", 2, 45),
    ),
    _pair(
        "television_advert_surge",
        "A television advert aired on {date} drove a sudden surge of visitors to the {service} "
        "service.",
        "Peak traffic hit {value}, roughly triple the usual evening high.",
        "What peak traffic did the {service} service see after the television advert on {date}?",
        ValueSpec("{} requests per second", 1500, 30000, 500),
    ),
    _pair(
        "office_power_cut",
        "A power cut closed the {city} office for the rest of the day on {date}.",
        "Building management restored electricity after {value}, too late to reopen.",
        "How long was the {city} office without electricity after the power cut on {date}?",
        ValueSpec("{} hours", 3, 12),
    ),
    _pair(
        "logistics_partner_integration",
        "The {team} team went live with the new logistics partner integration for the {service} "
        "service on {date}.",
        "Shipment status updates now arrive within {value} instead of overnight.",
        "How quickly do shipment updates arrive since the {team} team's logistics integration "
        "for the {service} service went live on {date}?",
        ValueSpec("{} minutes", 2, 30),
    ),
    _pair(
        "price_rise_cancellations",
        "The {team} team published its review of the price rise introduced on {date}.",
        "Cancellations in the following month ran {value} above the forecast.",
        "According to the {team} team's review of the price rise introduced on {date}, how far "
        "above forecast were cancellations?",
        ValueSpec("{} percent", 3, 30),
    ),
    _pair(
        "flagship_store_weekend",
        "The flagship store in {city} began selling the {product} on {date}.",
        "Opening weekend revenue came to {value}, well ahead of the regional plan.",
        "What revenue did the {city} flagship store make from the {product} on its opening "
        "weekend after {date}?",
        ValueSpec("{} EUR", 20000, 400000, 5000),
    ),
    _pair(
        "hinge_warranty_claims",
        "Service centres in {city} began seeing hinge failures on the {product} in the weeks "
        "before {date}.",
        "By then warranty claims had reached {value}.",
        "How many warranty claims for hinge failures on the {product} had {city} service centres "
        "logged by {date}?",
        ValueSpec("{} claims", 40, 900, 10),
    ),
    _pair(
        "single_sign_on_rollout",
        "The {team} team moved the {service} service behind single sign-on on {date}.",
        "Password reset requests dropped by {value} in the month that followed.",
        "By how much did password reset requests fall after the {team} team moved the {service} "
        "service behind single sign-on on {date}?",
        ValueSpec("{} percent", 20, 80),
    ),
    _pair(
        "release_freeze_exception",
        "An exception to the release freeze was granted for the {service} service on {date}.",
        "The hotfix reached production {value} after approval.",
        "How soon after approval did the hotfix ship under the release freeze exception granted "
        "for the {service} service on {date}?",
        ValueSpec("{} minutes", 15, 180, 5),
    ),
    _pair(
        "purchase_order_sample",
        "Finance auditors sampled purchase orders raised by the {team} team for the quarter "
        "ending {date}.",
        "Of the documents they checked, {value} lacked a valid approval.",
        "What share of the {team} team's purchase orders sampled for the quarter ending {date} "
        "lacked a valid approval?",
        ValueSpec("{} percent", 2, 30),
    ),
    _pair(
        "search_index_rebuild",
        "The search index behind the {service} service was rebuilt from scratch on {date}.",
        "Reindexing ran for {value} on a dedicated pool of workers.",
        "How long did the rebuild of the search index behind the {service} service take on {date}?",
        ValueSpec("{} hours", 2, 30),
    ),
    _pair(
        "misconfigured_rate_limit",
        "A misconfigured rate limit on the {service} service started rejecting legitimate "
        "partners on {date}.",
        "An estimated {value} were throttled before the threshold was raised.",
        "How many requests were throttled by the misconfigured rate limit on the {service} "
        "service on {date}?",
        ValueSpec("{} thousand requests", 10, 500, 10),
    ),
    _pair(
        "companion_app_languages",
        "The {product} companion app shipped in six new languages on {date}.",
        "Downloads in those markets climbed by {value} over the next fortnight.",
        "How much did downloads grow after the {product} companion app shipped in new languages "
        "on {date}?",
        ValueSpec("{} percent", 10, 150, 5),
    ),
    _pair(
        "campus_relocation",
        "The {team} team relocated from the old building to the refurbished {city} campus on "
        "{date}.",
        "Movers shifted {value} over a single weekend.",
        "How many crates were moved when the {team} team relocated to the {city} campus on {date}?",
        ValueSpec("{} crates", 80, 600, 10),
    ),
    _pair(
        "android_client_crashes",
        "The Android build of the {service} service client released on {date} crashed on older "
        "phones.",
        "Stable sessions fell to {value} before a patched build went out.",
        "What share of sessions stayed stable after the Android client of the {service} service "
        "was released on {date}?",
        ValueSpec("{} percent", 80, 98),
    ),
    _pair(
        "component_shortage_backlog",
        "A component shortage at a supplier delayed {product} shipments to {city} in the week of "
        "{date}.",
        "Outstanding orders piled up to {value} before deliveries resumed.",
        "How many {product} orders for {city} were outstanding after the component shortage in "
        "the week of {date}?",
        ValueSpec("{} units", 200, 5000, 100),
    ),
    _pair(
        "accessibility_audit",
        "An accessibility audit of the {service} service web pages was completed on {date}.",
        "Reviewers logged {value} against the contrast and keyboard guidelines.",
        "How many violations did the accessibility audit of the {service} service web pages "
        "find, as completed on {date}?",
        ValueSpec("{} violations", 5, 120),
    ),
    _pair(
        "smart_meter_savings",
        "Smart meters were fitted across the {city} office during the week of {date}.",
        "Monthly electricity use has since fallen by {value} compared with the same month last "
        "year.",
        "By how much has electricity use fallen since smart meters were fitted in the {city} "
        "office in the week of {date}?",
        ValueSpec("{} percent", 5, 35),
    ),
    _pair(
        "chat_history_migration",
        "The {team} team migrated its chat history to the new collaboration platform on {date}.",
        "Roughly {value} moved across, with attachments following a day later.",
        "How many messages did the {team} team migrate to the new collaboration platform on "
        "{date}?",
        ValueSpec("{} thousand messages", 20, 800, 10),
    ),
)
"""All boundary pairs; each `second` opens with different words."""
