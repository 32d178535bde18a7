"""Policy families: versioned policy documents whose clause values change between versions.

The generator renders several versions of each family ("Travel Policy v3", "Travel Policy v4")
and fills `{policy}` with that versioned name, so a question scoped to one version has exactly one
right answer even though every version states the same clause with a different value. Facts never
repeat across families, nor do they restate a paraphrase concept.
"""

from __future__ import annotations

from corpus.banks.types import PolicyClause, PolicyTemplate, ValueSpec
from corpus.slots import WEEKDAYS


def _clause(key: str, statement: str, question: str, value: ValueSpec) -> PolicyClause:
    return PolicyClause(key=key, statement=statement, question=question, value=value)


TRAVEL = PolicyTemplate(
    key="travel",
    name="Travel Policy",
    purpose=(
        "This policy explains how {org} staff plan, book and pay for business travel.",
        "It applies to every employee, contractor and intern who travels on company business.",
        "The aim is to keep travellers safe and comfortable while spending money responsibly.",
        "Questions about the rules go to the finance team in {channel}.",
    ),
    clauses=(
        _clause(
            "hotel_major_cities",
            "{policy} caps the nightly hotel rate in major cities at {value}.",
            "Under {policy}, what is the nightly hotel cap in major cities?",
            ValueSpec("{} EUR", 120, 300, 10),
        ),
        _clause(
            "hotel_other_locations",
            "{policy} limits hotel rooms in all other locations to {value} per night.",
            "According to {policy}, how much may a hotel room cost per night outside major cities?",
            ValueSpec("{} EUR", 80, 180, 10),
        ),
        _clause(
            "business_class_threshold",
            "{policy} allows business class only on flights longer than {value}.",
            "Under {policy}, from what flight length is business class allowed?",
            ValueSpec("{} hours", 4, 12),
        ),
        _clause(
            "flight_booking_lead",
            "{policy} requires flights to be booked at least {value} before departure.",
            "How far ahead of departure does {policy} require flights to be booked?",
            ValueSpec("{} days", 7, 30),
        ),
        _clause(
            "meal_allowance_abroad",
            "{policy} sets the daily meal allowance for trips abroad at {value}.",
            "What daily meal allowance abroad does {policy} set?",
            ValueSpec("{} EUR", 30, 90, 5),
        ),
        _clause(
            "rail_default_distance",
            "{policy} makes rail the default for journeys shorter than {value}.",
            "Below what journey distance does {policy} make rail the default?",
            ValueSpec("{} kilometres", 300, 800, 50),
        ),
        _clause(
            "rental_car_category",
            "{policy} limits rental cars to the {value} category unless five or more people "
            "travel together.",
            "Under {policy}, which rental car category may travellers book?",
            ValueSpec("{}", choices=("mini", "economy", "compact", "intermediate", "standard")),
        ),
        _clause(
            "trip_length_limit",
            "{policy} limits a single business trip to {value} unless a director approves an "
            "extension.",
            "What is the longest business trip allowed under {policy} without a director's "
            "extension?",
            ValueSpec("{} consecutive days", 10, 30),
        ),
    ),
)

EXPENSES = PolicyTemplate(
    key="expenses",
    name="Expenses Policy",
    purpose=(
        "This policy sets out which work-related costs {org} reimburses and how to claim them.",
        "It covers out-of-pocket spending and purchases made on a corporate card.",
        "Claims are filed in the expenses tool and approved by the claimant's line manager.",
    ),
    clauses=(
        _clause(
            "itemised_receipt_threshold",
            "{policy} requires an itemised receipt for every expense above {value}.",
            "Under {policy}, above what amount is an itemised receipt required?",
            ValueSpec("{} EUR", 10, 60, 5),
        ),
        _clause(
            "claim_submission_deadline",
            "{policy} rejects claims submitted more than {value} after the expense was incurred.",
            "According to {policy}, how long after an expense can a claim still be submitted?",
            ValueSpec("{} days", 30, 120, 10),
        ),
        _clause(
            "private_car_mileage",
            "{policy} reimburses the use of a private car at {value}.",
            "What mileage rate does {policy} pay for using a private car?",
            ValueSpec("{} cents per kilometre", 20, 45),
        ),
        _clause(
            "client_entertainment",
            "{policy} limits client entertainment to {value} per guest.",
            "Under {policy}, what is the client entertainment limit per guest?",
            ValueSpec("{} EUR", 40, 150, 10),
        ),
        _clause(
            "reimbursement_payout",
            "{policy} commits finance to paying out approved claims within {value}.",
            "How quickly must approved claims be paid out under {policy}?",
            ValueSpec("{} business days", 3, 15),
        ),
        _clause(
            "written_preapproval",
            "{policy} requires written pre-approval for any single expense over {value}.",
            "Under {policy}, above what amount does a single expense need written pre-approval?",
            ValueSpec("{} EUR", 250, 2500, 250),
        ),
        _clause(
            "gratuity_limit",
            "{policy} reimburses gratuities of up to {value} of the bill.",
            "How large a tip does {policy} reimburse?",
            ValueSpec("{} percent", 5, 20),
        ),
        _clause(
            "card_reconciliation",
            "{policy} requires corporate card transactions to be reconciled within {value} of "
            "the statement date.",
            "Under {policy}, how soon after the statement date must corporate card transactions "
            "be reconciled?",
            ValueSpec("{} days", 5, 30),
        ),
    ),
)

REMOTE_WORK = PolicyTemplate(
    key="remote_work",
    name="Remote Work Policy",
    purpose=(
        "This policy describes how {org} staff combine office days with working from home.",
        "It balances personal flexibility with the needs of teams that collaborate closely.",
        "Managers agree individual arrangements and record them in the people system.",
        "Exceptions are reviewed by the people team on a case by case basis.",
    ),
    clauses=(
        _clause(
            "office_presence",
            "{policy} expects hybrid staff to spend at least {value} per month in the office.",
            "Under {policy}, how much office presence per month is expected of hybrid staff?",
            ValueSpec("{} days", 4, 12),
        ),
        _clause(
            "internet_allowance",
            "{policy} pays home workers a monthly internet allowance of {value}.",
            "What monthly internet allowance does {policy} pay home workers?",
            ValueSpec("{} EUR", 15, 60, 5),
        ),
        _clause(
            "core_hours_start",
            "{policy} defines core collaboration hours that start at {value} local time.",
            "According to {policy}, when do core collaboration hours start?",
            ValueSpec(choices=("08:30", "09:00", "09:30", "10:00", "10:30", "11:00")),
        ),
        _clause(
            "working_abroad",
            "{policy} permits working from another country for up to {value} per year.",
            "How long may staff work from another country each year under {policy}?",
            ValueSpec("{} days", 10, 60, 5),
        ),
        _clause(
            "home_office_setup",
            "{policy} provides a one-off home office setup allowance of {value}.",
            "What one-off home office setup allowance does {policy} provide?",
            ValueSpec("{} EUR", 200, 800, 50),
        ),
        _clause(
            "fully_remote_request",
            "{policy} requires requests for a fully remote arrangement to be filed {value} "
            "before the intended start.",
            "Under {policy}, how far in advance must a fully remote arrangement be requested?",
            ValueSpec("{} weeks", 2, 8),
        ),
        _clause(
            "chat_response",
            "{policy} expects remote staff to answer chat messages within {value} during core "
            "hours.",
            "According to {policy}, how quickly should remote staff answer chat messages during "
            "core hours?",
            ValueSpec("{} minutes", 15, 120, 15),
        ),
        _clause(
            "workspace_self_assessment",
            "{policy} requires a home workspace self-assessment every {value}.",
            "How often does {policy} require a home workspace self-assessment?",
            ValueSpec("{} months", 3, 24, 3),
        ),
    ),
)

EQUIPMENT = PolicyTemplate(
    key="equipment",
    name="Equipment Policy",
    purpose=(
        "This policy governs the laptops, phones and accessories {org} issues to its people.",
        "It explains what each person receives, how long it lasts and what happens when it breaks.",
        "The IT service desk administers the policy and keeps the asset inventory.",
    ),
    clauses=(
        _clause(
            "laptop_refresh",
            "{policy} replaces standard laptops every {value}.",
            "How often does {policy} replace standard laptops?",
            ValueSpec("{} months", 24, 48, 3),
        ),
        _clause(
            "phone_refresh",
            "{policy} replaces company phones every {value}.",
            "Under {policy}, how often are company phones replaced?",
            ValueSpec("{} months", 18, 36, 3),
        ),
        _clause(
            "peripheral_budget",
            "{policy} gives each employee a peripheral budget of {value} per year.",
            "What yearly peripheral budget does {policy} give each employee?",
            ValueSpec("{} EUR", 100, 400, 25),
        ),
        _clause(
            "leaver_device_return",
            "{policy} requires leavers to return all devices within {value} of their last day.",
            "Under {policy}, how soon after their last day must leavers return their devices?",
            ValueSpec("{} days", 3, 14),
        ),
        _clause(
            "negligent_damage_charge",
            "{policy} charges employees {value} for accidental damage caused by negligence.",
            "What does {policy} charge an employee for negligent accidental damage?",
            ValueSpec("{} EUR", 50, 300, 25),
        ),
        _clause(
            "asset_verification",
            "{policy} requires every device to be verified against the asset inventory every "
            "{value}.",
            "According to {policy}, how often must each device be verified against the asset "
            "inventory?",
            ValueSpec("{} months", 6, 18),
        ),
        _clause(
            "retired_laptop_price",
            "{policy} offers retired laptops to staff at {value} of their remaining book value.",
            "At what share of book value does {policy} offer retired laptops to staff?",
            ValueSpec("{} percent", 10, 50, 5),
        ),
        _clause(
            "director_approval_device",
            "{policy} requires director approval for any single device costing more than {value}.",
            "Under {policy}, above what price does a single device need director approval?",
            ValueSpec("{} EUR", 1500, 4000, 250),
        ),
    ),
)

DATA_RETENTION = PolicyTemplate(
    key="data_retention",
    name="Data Retention Policy",
    purpose=(
        "This policy sets how long {org} keeps each kind of record and when it must be destroyed.",
        "Keeping data longer than needed creates risk, while deleting it too early can breach "
        "legal duties.",
        "System owners are responsible for configuring automatic deletion in their systems.",
        "The data protection officer reviews the schedule with the legal team.",
    ),
    clauses=(
        _clause(
            "customer_account_records",
            "{policy} keeps customer account records for {value} after the contract ends.",
            "Under {policy}, how long are customer account records kept after a contract ends?",
            ValueSpec("{} years", 3, 10),
        ),
        _clause(
            "application_logs",
            "{policy} retains application logs for {value}.",
            "How long does {policy} retain application logs?",
            ValueSpec("{} days", 30, 360, 30),
        ),
        _clause(
            "email_archive",
            "{policy} archives business email for {value} before it is deleted.",
            "According to {policy}, how long is business email archived before deletion?",
            ValueSpec("{} years", 2, 10),
        ),
        _clause(
            "personnel_files",
            "{policy} destroys personnel files {value} after an employee leaves.",
            "Under {policy}, when are personnel files destroyed after an employee leaves?",
            ValueSpec("{} months", 12, 72, 6),
        ),
        _clause(
            "accounting_records",
            "{policy} retains invoices and accounting records for {value}.",
            "How long are invoices and accounting records retained under {policy}?",
            ValueSpec("{} years", 6, 12),
        ),
        _clause(
            "nightly_backups",
            "{policy} keeps nightly server backups for {value}.",
            "For how long does {policy} keep nightly server backups?",
            ValueSpec("{} days", 14, 91, 7),
        ),
        _clause(
            "public_channel_messages",
            "{policy} deletes messages in public chat channels after {value}.",
            "Under {policy}, when are messages in public chat channels deleted?",
            ValueSpec("{} months", 6, 36, 3),
        ),
        _clause(
            "unsuccessful_applicants",
            "{policy} deletes data about unsuccessful job applicants after {value}.",
            "How long may data about unsuccessful job applicants be held under {policy}?",
            ValueSpec("{} months", 3, 24),
        ),
        _clause(
            "customer_deletion_requests",
            "{policy} requires customer deletion requests to be completed within {value}.",
            "Under {policy}, how quickly must a customer deletion request be completed?",
            ValueSpec("{} days", 7, 30),
        ),
    ),
)

ACCESS_REVIEW = PolicyTemplate(
    key="access_review",
    name="Access Review Policy",
    purpose=(
        "This policy makes sure that every account at {org} has only the access its owner needs.",
        "Access drifts as people change roles, so it is checked on a fixed schedule.",
        "The security team runs the review campaigns and reports the results to leadership.",
    ),
    clauses=(
        _clause(
            "manager_review_cadence",
            "{policy} requires managers to review their reports' system access every {value}.",
            "Under {policy}, how often must managers review their reports' system access?",
            ValueSpec("{} months", 2, 12),
        ),
        _clause(
            "admin_rights_review",
            "{policy} reviews administrator rights every {value}.",
            "How often are administrator rights reviewed under {policy}?",
            ValueSpec("{} weeks", 2, 12),
        ),
        _clause(
            "dormant_accounts",
            "{policy} disables accounts that have been inactive for {value}.",
            "After how much inactivity does {policy} disable an account?",
            ValueSpec("{} days", 30, 120, 10),
        ),
        _clause(
            "leaver_account_revocation",
            "{policy} requires a leaver's accounts to be revoked within {value} of their "
            "departure.",
            "Under {policy}, how soon after departure must a leaver's accounts be revoked?",
            ValueSpec("{} hours", 4, 48, 4),
        ),
        _clause(
            "temporary_elevation",
            "{policy} lets temporary elevated access last at most {value}.",
            "What is the longest that temporary elevated access may last under {policy}?",
            ValueSpec("{} hours", 4, 72, 4),
        ),
        _clause(
            "campaign_completion",
            "{policy} gives reviewers {value} to complete each review campaign.",
            "How long do reviewers have to complete a review campaign under {policy}?",
            ValueSpec("{} business days", 5, 20),
        ),
        _clause(
            "unconfirmed_access_removal",
            "{policy} removes access that a reviewer has not confirmed {value} after the "
            "campaign closes.",
            "According to {policy}, when is unconfirmed access removed after a campaign closes?",
            ValueSpec("{} days", 3, 14),
        ),
        _clause(
            "service_account_rotation",
            "{policy} requires service account credentials to be rotated every {value}.",
            "Under {policy}, how often must service account credentials be rotated?",
            ValueSpec("{} days", 30, 180, 15),
        ),
    ),
)

ON_CALL = PolicyTemplate(
    key="on_call",
    name="On-Call Compensation Policy",
    purpose=(
        "This policy sets how {org} pays and protects engineers who carry the pager.",
        "Being on call disrupts evenings and weekends, and the compensation reflects that.",
        "It applies to every rota listed in the incident management tool.",
    ),
    clauses=(
        _clause(
            "weekly_stipend",
            "{policy} pays {value} for each full week spent on the rota.",
            "How much does {policy} pay for a full week on the rota?",
            ValueSpec("{} EUR", 150, 500, 25),
        ),
        _clause(
            "weekend_day_supplement",
            "{policy} adds a supplement of {value} for every weekend day on call.",
            "Under {policy}, what supplement is paid for each weekend day on call?",
            ValueSpec("{} EUR", 40, 150, 10),
        ),
        _clause(
            "paged_work_rate",
            "{policy} pays time worked in response to a page at {value} of the normal hourly rate.",
            "At what share of the normal hourly rate does {policy} pay time worked on a page?",
            ValueSpec("{} percent", 125, 200, 5),
        ),
        _clause(
            "rest_after_night",
            "{policy} grants {value} of rest after a night with more than an hour of paged work.",
            "How much rest does {policy} grant after a night of paged work?",
            ValueSpec("{} hours", 4, 12),
        ),
        _clause(
            "weeks_per_quarter",
            "{policy} limits each engineer to {value} on call per quarter.",
            "Under {policy}, how many weeks per quarter may one engineer be on call?",
            ValueSpec("{} weeks", 3, 8),
        ),
        _clause(
            "page_acknowledgement",
            "{policy} expects pages to be acknowledged within {value}.",
            "How quickly does {policy} expect pages to be acknowledged?",
            ValueSpec("{} minutes", 5, 30, 5),
        ),
        _clause(
            "public_holiday_bonus",
            "{policy} adds a bonus of {value} for each public holiday spent on call.",
            "What bonus does {policy} pay for a public holiday on call?",
            ValueSpec("{} EUR", 50, 200, 10),
        ),
        _clause(
            "rota_swap_notice",
            "{policy} requires rota swaps to be agreed at least {value} in advance.",
            "Under {policy}, how far in advance must a rota swap be agreed?",
            ValueSpec("{} hours", 24, 96, 12),
        ),
    ),
)

PROCUREMENT = PolicyTemplate(
    key="procurement",
    name="Procurement Policy",
    purpose=(
        "This policy describes how {org} buys goods and services from outside suppliers.",
        "Fair competition between suppliers keeps prices honest and decisions defensible.",
        "The procurement team supports budget holders at every step of a purchase.",
        "Spending that bypasses the policy may be refused at payment.",
    ),
    clauses=(
        _clause(
            "competitive_quotes_threshold",
            "{policy} requires competitive quotes for purchases above {value}.",
            "Under {policy}, above what amount are competitive quotes required?",
            ValueSpec("{} EUR", 5000, 25000, 2500),
        ),
        _clause(
            "quote_count",
            "{policy} requires at least {value} for any purchase that must be competed.",
            "How many written quotes does {policy} require for a competed purchase?",
            ValueSpec("{} written quotes", 2, 6),
        ),
        _clause(
            "purchase_order_required",
            "{policy} requires a purchase order for any commitment over {value}.",
            "Above what commitment does {policy} require a purchase order?",
            ValueSpec("{} EUR", 500, 3000, 250),
        ),
        _clause(
            "initial_contract_term",
            "{policy} limits new supplier contracts to an initial term of {value}.",
            "Under {policy}, what is the longest initial term for a new supplier contract?",
            ValueSpec("{} months", 12, 48, 6),
        ),
        _clause(
            "renewal_review",
            "{policy} requires contract owners to review each renewal {value} before the renewal "
            "date.",
            "How long before a renewal date does {policy} require the contract owner to review it?",
            ValueSpec("{} days", 30, 120, 15),
        ),
        _clause(
            "department_head_signing",
            "{policy} lets department heads sign contracts worth up to {value}.",
            "Under {policy}, up to what contract value may a department head sign?",
            ValueSpec("{} EUR", 20000, 100000, 10000),
        ),
        _clause(
            "formal_tender",
            "{policy} requires a formal tender for contracts above {value}.",
            "Above what contract value does {policy} require a formal tender?",
            ValueSpec("{} EUR", 50000, 250000, 25000),
        ),
        _clause(
            "preferred_supplier_review",
            "{policy} reviews the preferred supplier list every {value}.",
            "How often is the preferred supplier list reviewed under {policy}?",
            ValueSpec("{} months", 6, 24, 3),
        ),
    ),
)

INCIDENT_RESPONSE = PolicyTemplate(
    key="security_incident_response",
    name="Security Incident Response Policy",
    purpose=(
        "This policy describes how {org} detects, contains and learns from security incidents.",
        "A fast and well rehearsed response limits harm to customers and to the business.",
        "The security team leads every response, supported by the owners of affected systems.",
    ),
    clauses=(
        _clause(
            "severity_one_bridge",
            "{policy} requires a bridge call to open within {value} of a severity one incident "
            "being declared.",
            "Under {policy}, how soon after a severity one declaration must a bridge call open?",
            ValueSpec("{} minutes", 10, 60, 5),
        ),
        _clause(
            "customer_breach_notice",
            "{policy} requires affected customers to be notified within {value} of a confirmed "
            "breach.",
            "How soon after a confirmed breach does {policy} require affected customers to be "
            "notified?",
            ValueSpec("{} hours", 24, 96, 12),
        ),
        _clause(
            "dpo_notification",
            "{policy} requires the data protection officer to be informed within {value} of "
            "detection.",
            "Under {policy}, how soon after detection must the data protection officer be "
            "informed?",
            ValueSpec("{} hours", 2, 24),
        ),
        _clause(
            "post_incident_review",
            "{policy} requires a written post-incident review within {value} of resolution.",
            "How soon after resolution does {policy} require a written post-incident review?",
            ValueSpec("{} business days", 3, 15),
        ),
        _clause(
            "forensic_evidence",
            "{policy} keeps forensic evidence for {value} after an incident is closed.",
            "Under {policy}, how long is forensic evidence kept after an incident closes?",
            ValueSpec("{} months", 6, 36, 3),
        ),
        _clause(
            "tabletop_exercise",
            "{policy} requires a tabletop exercise every {value}.",
            "How often does {policy} require a tabletop exercise?",
            ValueSpec("{} months", 3, 12),
        ),
        _clause(
            "alert_escalation",
            "{policy} escalates an unacknowledged security alert to the deputy after {value}.",
            "Under {policy}, when is an unacknowledged security alert escalated to the deputy?",
            ValueSpec("{} minutes", 5, 30, 5),
        ),
        _clause(
            "stakeholder_updates",
            "{policy} requires stakeholder updates every {value} while an incident is active.",
            "How often does {policy} require stakeholder updates during an active incident?",
            ValueSpec("{} minutes", 30, 120, 15),
        ),
    ),
)

VENDOR_ONBOARDING = PolicyTemplate(
    key="vendor_onboarding",
    name="Vendor Onboarding Policy",
    purpose=(
        "This policy covers the checks {org} performs before a new supplier starts work.",
        "Suppliers often handle our data or run parts of our service, so their risks become ours.",
        "The vendor management office coordinates the checks with security, legal and finance.",
    ),
    clauses=(
        _clause(
            "security_questionnaire",
            "{policy} requires vendors handling customer data to return a security questionnaire "
            "at least {value} before go-live.",
            "Under {policy}, how long before go-live must a vendor handling customer data return "
            "the security questionnaire?",
            ValueSpec("{} weeks", 2, 8),
        ),
        _clause(
            "liability_insurance",
            "{policy} requires suppliers to hold liability insurance of at least {value}.",
            "What minimum liability insurance does {policy} require suppliers to hold?",
            ValueSpec("{} million EUR", 1, 10),
        ),
        _clause(
            "high_risk_reassessment",
            "{policy} reassesses high-risk vendors every {value}.",
            "How often are high-risk vendors reassessed under {policy}?",
            ValueSpec("{} months", 6, 24, 3),
        ),
        _clause(
            "bank_detail_hold",
            "{policy} holds payments for {value} after a supplier changes its bank details.",
            "Under {policy}, how long are payments held after a supplier changes its bank details?",
            ValueSpec("{} business days", 2, 10),
        ),
        _clause(
            "credit_check",
            "{policy} requires a credit check for vendors with expected annual spend above "
            "{value}.",
            "Above what expected annual spend does {policy} require a vendor credit check?",
            ValueSpec("{} EUR", 25000, 200000, 25000),
        ),
        _clause(
            "critical_vendor_uptime",
            "{policy} requires critical vendors to guarantee an uptime of at least {value}.",
            "What minimum uptime must critical vendors guarantee under {policy}?",
            ValueSpec("{} percent", choices=("99.0", "99.5", "99.8", "99.9", "99.95")),
        ),
        _clause(
            "onboarding_target",
            "{policy} targets completing vendor onboarding within {value} of the request.",
            "According to {policy}, how quickly should vendor onboarding be completed after the "
            "request?",
            ValueSpec("{} business days", 10, 30),
        ),
        _clause(
            "vendor_incident_notice",
            "{policy} requires vendors to report security incidents affecting us within {value}.",
            "Under {policy}, how soon must a vendor report a security incident that affects us?",
            ValueSpec("{} hours", 12, 72, 12),
        ),
    ),
)

PARENTAL_LEAVE = PolicyTemplate(
    key="parental_leave",
    name="Parental Leave Policy",
    purpose=(
        "This policy explains the support {org} offers to employees who become parents.",
        "It covers birth, adoption and surrogacy, and applies equally to every family structure.",
        "The people team helps each parent plan their leave and their return to work.",
    ),
    clauses=(
        _clause(
            "birthing_parent_leave",
            "{policy} gives birthing parents {value} of fully paid leave.",
            "Under {policy}, how much fully paid leave do birthing parents receive?",
            ValueSpec("{} weeks", 14, 30),
        ),
        _clause(
            "statutory_top_up",
            "{policy} tops up statutory parental pay to {value} of salary after the fully paid "
            "period ends.",
            "To what share of salary does {policy} top up statutory parental pay?",
            ValueSpec("{} percent", 60, 100, 5),
        ),
        _clause(
            "manager_notification",
            "{policy} asks parents to tell their manager at least {value} before their leave "
            "begins.",
            "Under {policy}, how far ahead of their leave should parents tell their manager?",
            ValueSpec("{} weeks", 4, 15),
        ),
        _clause(
            "phased_return",
            "{policy} allows a phased return at reduced hours for up to {value}.",
            "How long may a phased return at reduced hours last under {policy}?",
            ValueSpec("{} weeks", 2, 12),
        ),
        _clause(
            "keeping_in_touch",
            "{policy} allows up to {value} during leave without ending it.",
            "How many keeping-in-touch days does {policy} allow during leave?",
            ValueSpec("{} keeping-in-touch days", 5, 20),
        ),
        _clause(
            "service_eligibility",
            "{policy} applies to employees with at least {value} of service.",
            "Under {policy}, how much service is needed to be eligible?",
            ValueSpec("{} months", 3, 12),
        ),
        _clause(
            "leave_window",
            "{policy} lets the leave be taken in blocks within {value} of the birth or placement.",
            "Within what period after a birth or placement must leave be taken under {policy}?",
            ValueSpec("{} months", 6, 24),
        ),
        _clause(
            "adoption_meetings",
            "{policy} grants adopters {value} of paid time for pre-placement meetings.",
            "How much paid time for pre-placement meetings does {policy} grant adopters?",
            ValueSpec("{} days", 2, 10),
        ),
    ),
)

LEARNING_BUDGET = PolicyTemplate(
    key="learning_budget",
    name="Learning Budget Policy",
    purpose=(
        "This policy describes how {org} funds courses, conferences and books for its people.",
        "Growing skills benefits both the individual and the teams they work in.",
        "Managers approve spending against a development plan agreed with each report.",
    ),
    clauses=(
        _clause(
            "annual_learning_budget",
            "{policy} gives every employee a learning budget of {value} per year.",
            "What yearly learning budget does {policy} give every employee?",
            ValueSpec("{} EUR", 500, 3000, 250),
        ),
        _clause(
            "study_leave",
            "{policy} grants {value} of study leave per year.",
            "How much study leave per year does {policy} grant?",
            ValueSpec("{} days", 2, 10),
        ),
        _clause(
            "conference_approval",
            "{policy} requires manager approval for any conference costing more than {value}.",
            "Under {policy}, above what cost does a conference need manager approval?",
            ValueSpec("{} EUR", 300, 1500, 100),
        ),
        _clause(
            "repayment_threshold",
            "{policy} only asks for repayment of courses that cost more than {value}.",
            "Under {policy}, above what course cost can repayment be requested?",
            ValueSpec("{} EUR", 1000, 5000, 500),
        ),
        _clause(
            "repayment_window",
            "{policy} applies repayment to staff who leave within {value} of completing a funded "
            "course.",
            "According to {policy}, within what period after a funded course does leaving "
            "trigger repayment?",
            ValueSpec("{} months", 6, 24),
        ),
        _clause(
            "budget_roll_over",
            "{policy} lets up to {value} of unspent budget roll over into the next year.",
            "How much unspent learning budget may roll over under {policy}?",
            ValueSpec("{} EUR", 100, 1000, 100),
        ),
        _clause(
            "certification_bonus",
            "{policy} pays a bonus of {value} for passing an approved certification exam.",
            "What bonus does {policy} pay for passing an approved certification exam?",
            ValueSpec("{} EUR", 100, 600, 50),
        ),
        _clause(
            "books_and_subscriptions",
            "{policy} lets up to {value} of the budget go on books and subscriptions.",
            "Under {policy}, how much of the budget may be spent on books and subscriptions?",
            ValueSpec("{} EUR", 100, 500, 50),
        ),
    ),
)

PASSWORD_MFA = PolicyTemplate(
    key="password_mfa",
    name="Password and MFA Policy",
    purpose=(
        "This policy sets the rules for passwords and multi-factor authentication at {org}.",
        "Stolen credentials remain the most common way attackers get into a company.",
        "It applies to every account that can reach company systems or data.",
        "The identity team enforces these rules in the single sign-on platform.",
    ),
    clauses=(
        _clause(
            "minimum_length",
            "{policy} requires passwords of at least {value}.",
            "What minimum password length does {policy} require?",
            ValueSpec("{} characters", 12, 24),
        ),
        _clause(
            "reuse_history",
            "{policy} blocks the reuse of any of your previous {value}.",
            "Under {policy}, how many previous passwords are blocked from reuse?",
            ValueSpec("{} passwords", 5, 24),
        ),
        _clause(
            "lockout_attempts",
            "{policy} locks an account after {value} in a row.",
            "How many failed sign-in attempts in a row lock an account under {policy}?",
            ValueSpec("{} failed sign-in attempts", 3, 10),
        ),
        _clause(
            "lockout_duration",
            "{policy} keeps a locked account frozen for {value} unless the service desk unlocks "
            "it sooner.",
            "Under {policy}, how long does a locked account stay frozen?",
            ValueSpec("{} minutes", 15, 60, 5),
        ),
        _clause(
            "second_factor_reprompt",
            "{policy} asks for a second factor again every {value} on trusted devices.",
            "How often does {policy} ask for a second factor on trusted devices?",
            ValueSpec("{} days", 7, 30),
        ),
        _clause(
            "recovery_codes",
            "{policy} issues {value} to each user when multi-factor authentication is set up.",
            "How many single-use recovery codes does {policy} issue to each user?",
            ValueSpec("{} single-use recovery codes", 5, 12),
        ),
        _clause(
            "temporary_password_expiry",
            "{policy} expires temporary passwords after {value}.",
            "Under {policy}, when do temporary passwords expire?",
            ValueSpec("{} hours", 2, 48, 2),
        ),
        _clause(
            "admin_hardware_key",
            "{policy} requires administrators to enrol a hardware security key within {value} "
            "of receiving admin rights.",
            "How soon after receiving admin rights must an administrator enrol a hardware "
            "security key under {policy}?",
            ValueSpec("{} days", 3, 14),
        ),
    ),
)

CHANGE_MANAGEMENT = PolicyTemplate(
    key="change_management",
    name="Change Management Policy",
    purpose=(
        "This policy governs how changes reach the production systems {org} runs for customers.",
        "Most outages follow a change, so changes are planned, reviewed and reversible.",
        "The platform team owns the change calendar and the approval workflow.",
    ),
    clauses=(
        _clause(
            "normal_change_notice",
            "{policy} requires normal changes to be submitted {value} before the planned window.",
            "Under {policy}, how far ahead of the planned window must a normal change be "
            "submitted?",
            ValueSpec("{} business days", 2, 10),
        ),
        _clause(
            "quarter_end_freeze",
            "{policy} freezes non-emergency production changes for the last {value} of each "
            "quarter.",
            "How long is the quarter-end change freeze under {policy}?",
            ValueSpec("{} days", 3, 14),
        ),
        _clause(
            "advisory_board_day",
            "{policy} convenes the change advisory board every {value}.",
            "On which weekday does the change advisory board meet under {policy}?",
            ValueSpec(choices=WEEKDAYS),
        ),
        _clause(
            "emergency_change_review",
            "{policy} requires emergency changes to be reviewed retrospectively within {value}.",
            "Under {policy}, how soon must an emergency change be reviewed retrospectively?",
            ValueSpec("{} business days", 2, 7),
        ),
        _clause(
            "tested_rollback",
            "{policy} requires a tested rollback for changes affecting more than {value} of "
            "customers.",
            "Above what share of affected customers does {policy} require a tested rollback?",
            ValueSpec("{} percent", 5, 50, 5),
        ),
        _clause(
            "maintenance_window_start",
            "{policy} starts routine maintenance windows at {value} UTC.",
            "At what time do routine maintenance windows start under {policy}?",
            ValueSpec(choices=("22:00", "23:00", "00:00", "01:00", "02:00", "03:00", "04:00")),
        ),
        _clause(
            "maintenance_window_length",
            "{policy} limits a single maintenance window to {value}.",
            "How long may a single maintenance window last under {policy}?",
            ValueSpec("{} minutes", 60, 360, 30),
        ),
        _clause(
            "canary_stage",
            "{policy} requires new releases to run in a canary stage for at least {value} before "
            "full rollout.",
            "Under {policy}, how long must a new release stay in the canary stage?",
            ValueSpec("{} minutes", 30, 240, 30),
        ),
    ),
)

GIFTS_HOSPITALITY = PolicyTemplate(
    key="gifts_hospitality",
    name="Gifts and Hospitality Policy",
    purpose=(
        "This policy explains what {org} staff may accept from suppliers, partners and customers.",
        "Gifts and hospitality can create a sense of obligation, or the appearance of one.",
        "Anything accepted above the limits below must be declared in the gifts register.",
    ),
    clauses=(
        _clause(
            "undeclared_gift_value",
            "{policy} lets staff accept gifts worth up to {value} without declaring them.",
            "Under {policy}, up to what value may a gift be accepted without declaring it?",
            ValueSpec("{} EUR", 25, 150, 25),
        ),
        _clause(
            "register_deadline",
            "{policy} requires declared gifts to be entered in the register within {value}.",
            "How soon must a declared gift be entered in the register under {policy}?",
            ValueSpec("{} days", 3, 14),
        ),
        _clause(
            "supplier_hospitality_cap",
            "{policy} lets staff accept supplier hospitality worth up to {value} per event.",
            "Under {policy}, how much supplier hospitality may be accepted per event?",
            ValueSpec("{} EUR", 50, 250, 25),
        ),
        _clause(
            "events_per_supplier",
            "{policy} limits hospitality from any single supplier to {value} per year.",
            "How many hospitality events from one supplier does {policy} allow per year?",
            ValueSpec("{} events", 2, 8),
        ),
        _clause(
            "register_review",
            "{policy} has the compliance team review the gifts register every {value}.",
            "How often does the compliance team review the gifts register under {policy}?",
            ValueSpec("{} months", 3, 12),
        ),
        _clause(
            "bidder_blackout",
            "{policy} bans accepting anything from bidders for {value} before a contract award.",
            "Under {policy}, for how long before a contract award are gifts from bidders banned?",
            ValueSpec("{} days", 30, 90, 10),
        ),
        _clause(
            "supplier_paid_travel",
            "{policy} requires director approval when a supplier pays for travel costing more "
            "than {value}.",
            "Above what travel cost paid by a supplier does {policy} require director approval?",
            ValueSpec("{} EUR", 100, 500, 50),
        ),
    ),
)

POLICIES: tuple[PolicyTemplate, ...] = (
    TRAVEL,
    EXPENSES,
    REMOTE_WORK,
    EQUIPMENT,
    DATA_RETENTION,
    ACCESS_REVIEW,
    ON_CALL,
    PROCUREMENT,
    INCIDENT_RESPONSE,
    VENDOR_ONBOARDING,
    PARENTAL_LEAVE,
    LEARNING_BUDGET,
    PASSWORD_MFA,
    CHANGE_MANAGEMENT,
    GIFTS_HOSPITALITY,
)
"""All policy families."""
