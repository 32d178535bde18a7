"""Paraphrase facts: organisation-wide rules stated in one vocabulary and asked about in another.

Every concept is a single handbook rule (time off, expenses, IT, facilities, security, people,
finance). Its statements and questions share almost no content words: for every (question,
statement) pair, with `{value}` filled, `corpus.text.overlap(question, statement) <= 0.2`. The
questions avoid the value's unit so the answer text never leaks into them.
"""

from __future__ import annotations

from corpus.banks.types import ParaphraseConcept, ValueSpec
from corpus.slots import MONTHS, WEEKDAYS


def _half_hours(first: str, last: str) -> tuple[str, ...]:
    """Clock times from `first` to `last` (both "HH:MM") every 30 minutes."""
    start, end = (int(t[:2]) * 60 + int(t[3:]) for t in (first, last))
    return tuple(f"{m // 60:02d}:{m % 60:02d}" for m in range(start, end + 1, 30))


def _concept(
    key: str,
    topic: str,
    value: ValueSpec,
    statements: tuple[str, ...],
    questions: tuple[str, ...],
) -> ParaphraseConcept:
    return ParaphraseConcept(
        key=key, topic=topic, value=value, statements=statements, questions=questions
    )


_TIME_OFF = (
    _concept(
        "annual_leave_allowance",
        "time off",
        ValueSpec("{} working days", 22, 35),
        (
            "Permanent staff accrue {value} of paid holiday in each calendar year.",
            "The yearly vacation entitlement for every employee on a standard contract is {value}.",
        ),
        (
            "How much annual leave does a full-time worker receive?",
            "How much time away from the job am I entitled to annually?",
        ),
    ),
    _concept(
        "partner_leave",
        "time off",
        ValueSpec("{} weeks", 2, 16),
        (
            "Non-birthing parents may take {value} of paid leave once a child arrives.",
            "A partner whose baby has just been born is entitled to {value} of fully paid absence.",
        ),
        (
            "How much time off does a new father get?",
            "What paternity allowance do dads receive?",
        ),
    ),
    _concept(
        "holiday_carry_over",
        "time off",
        ValueSpec("{} days", 3, 15),
        (
            "Up to {value} of untaken vacation may roll into the following year.",
            "Any unused holiday beyond {value} expires when the calendar year closes.",
        ),
        (
            "How much annual leave can I carry over to next January?",
            "Is there a limit on bringing leftover time off forward?",
        ),
    ),
    _concept(
        "sick_note_threshold",
        "time off",
        ValueSpec("{} calendar days", 3, 14),
        (
            "Staff who are ill may self-certify for {value} before a medical certificate "
            "becomes mandatory.",
            "A physician's statement is only required once a sickness absence exceeds {value}.",
        ),
        (
            "When do I have to bring a doctor's note?",
            "How long can I be off unwell without paperwork from a GP?",
        ),
    ),
    _concept(
        "bereavement_leave",
        "time off",
        ValueSpec("{} days", 3, 14),
        (
            "Compassionate absence following the death of a close family member lasts {value}.",
            "Employees who lose a parent, partner or child are granted {value} away on full pay.",
        ),
        (
            "How long is bereavement leave?",
            "How much time can someone take off when a relative dies?",
        ),
    ),
    _concept(
        "volunteering_hours",
        "time off",
        ValueSpec("{} hours", 8, 48, 4),
        (
            "Colleagues receive {value} each year for community service with registered "
            "nonprofits.",
            "Helping a recognised good cause counts as paid work for up to {value} annually.",
        ),
        (
            "How much company time may I give to a charity?",
            "What volunteering allowance is there?",
        ),
    ),
    _concept(
        "sabbatical_eligibility",
        "time off",
        ValueSpec("{} years", 3, 12),
        (
            "Staff become eligible for an unpaid career break after {value} of continuous "
            "employment.",
            "A long unpaid absence of several months can be requested once someone has been "
            "with us for {value}.",
        ),
        (
            "When can I take a sabbatical?",
            "What length of tenure qualifies a person for an extended leave of absence?",
        ),
    ),
    _concept(
        "long_vacation_notice",
        "time off",
        ValueSpec("{} weeks", 2, 12),
        (
            "Trips of more than a week off require approval at least {value} ahead of departure.",
            "Long holidays must be requested from your line manager {value} in advance.",
        ),
        (
            "How early should I ask my boss about an extended vacation?",
            "What is the lead time for booking a lengthy break?",
        ),
    ),
    _concept(
        "jury_service_pay",
        "time off",
        ValueSpec("{} days", 5, 20),
        (
            "Anyone summoned by a court to serve as a juror keeps full pay for {value}.",
            "Civic obligations such as sitting on a trial panel are paid for a maximum of {value}.",
        ),
        (
            "For how long is salary continued during jury duty?",
            "How much jury duty will the employer fund?",
        ),
    ),
    _concept(
        "unpaid_leave_maximum",
        "time off",
        ValueSpec("{} months", 2, 14),
        (
            "Requests for absence with no pay can be granted for at most {value} at a time.",
            "Time away without salary is capped at {value} per request.",
        ),
        (
            "What is the longest unpaid leave I could be given?",
            "How long can a break without wages last?",
        ),
    ),
    _concept(
        "medical_appointment_time",
        "time off",
        ValueSpec("{} hours per month", 2, 12),
        (
            "Visits to a dentist or physician may use up to {value} of paid absence.",
            "Routine health checkups can be attended during office hours for {value}.",
        ),
        (
            "How much time can I take for a doctor's appointment?",
            "Am I allowed to see the GP on company time?",
        ),
    ),
    _concept(
        "leave_blackout_month",
        "time off",
        ValueSpec(choices=MONTHS),
        (
            "Leave requests are not approved during {value}, when the annual stocktake takes "
            "place.",
            "Vacations may not be scheduled in {value} owing to peak customer demand.",
        ),
        (
            "Which part of the calendar is off limits for time off?",
            "During which month is booking a break blocked?",
        ),
    ),
)

_EXPENSES = (
    _concept(
        "late_taxi_home",
        "expenses",
        ValueSpec(choices=_half_hours("18:30", "23:00")),
        (
            "Staff who leave the office after {value} can expense a cab home.",
            "Taxi fares home are reimbursed for anyone finishing later than {value}.",
        ),
        (
            "From what hour does the firm cover my car service after working late?",
            "When can I claim a ride back to my flat at night?",
        ),
    ),
    _concept(
        "mobile_phone_bill",
        "expenses",
        ValueSpec("{} EUR per month", 15, 60, 5),
        (
            "Anyone using a personal handset for work receives {value} toward the carrier bill.",
            "A contribution of {value} is paid for private mobiles used on official business.",
        ),
        (
            "How much of my cell plan does the company cover?",
            "What subsidy do I get for my own smartphone contract?",
        ),
    ),
    _concept(
        "team_social_budget",
        "expenses",
        ValueSpec("{} EUR per person", 20, 80, 5),
        (
            "Each group may spend {value} per quarter on social outings.",
            "Quarterly team celebrations are funded at {value}.",
        ),
        (
            "What is the budget for a department party?",
            "How much can we put toward a colleague get-together?",
        ),
    ),
    _concept(
        "client_gift_limit",
        "expenses",
        ValueSpec("{} EUR", 20, 120, 10),
        (
            "Presents for customers may not exceed {value} per recipient.",
            "Anything handed to an external business contact as a token of thanks is capped at "
            "{value}.",
        ),
        (
            "What is the spending limit on gifts we give to clients?",
            "How pricey may a gift to a client be?",
        ),
    ),
    _concept(
        "farewell_gift",
        "expenses",
        ValueSpec("{} EUR", 30, 100, 5),
        (
            "Leaving presents for departing colleagues are funded up to {value}.",
            "When someone moves on, the organisation contributes {value} toward a goodbye token.",
        ),
        (
            "How much money is available for a send-off gift when a coworker quits?",
            "What is the allowance for buying something for a person who resigns?",
        ),
    ),
    _concept(
        "screen_glasses",
        "expenses",
        ValueSpec("{} EUR", 50, 250, 20),
        (
            "Prescription spectacles needed for display work are refunded up to {value}.",
            "The firm covers {value} toward eyewear that an optician prescribes for computer work.",
        ),
        (
            "How much does the company contribute to glasses for screen use?",
            "How much optical reimbursement is there for monitor users?",
        ),
    ),
    _concept(
        "airport_parking",
        "expenses",
        ValueSpec("{} nights", 3, 14),
        (
            "Leaving your car at the airport is reimbursed for a maximum of {value}.",
            "Terminal car park fees are covered for trips of up to {value}.",
        ),
        (
            "For how long will the firm pay to store my vehicle while I fly?",
            "What is the limit on claimable parking when flying for business?",
        ),
    ),
    _concept(
        "corporate_card_limit",
        "expenses",
        ValueSpec("{} EUR", 1000, 6000, 500),
        (
            "The standard corporate credit card carries a monthly ceiling of {value}.",
            "Company charge cards are issued with a spending cap of {value} per month.",
        ),
        (
            "What is the maximum total I can run up on my corporate Visa each billing period?",
            "What is the threshold at which purchases on my business Visa get declined?",
        ),
    ),
    _concept(
        "commuter_pass_subsidy",
        "expenses",
        ValueSpec("{} percent", 20, 70, 5),
        (
            "Public transport season tickets are subsidised by {value}.",
            "The employer pays {value} of the cost of an annual bus or rail pass.",
        ),
        (
            "How much of my commuting fare does the company cover?",
            "Is there help with the price of a metro subscription?",
        ),
    ),
    _concept(
        "late_dinner_cap",
        "expenses",
        ValueSpec("{} EUR", 15, 40),
        (
            "An evening meal is reimbursed up to {value} when you stay at your desk past the "
            "normal finish.",
            "Supper ordered during extended shifts in the office may cost no more than {value}.",
        ),
        (
            "How much may I spend on food if I work overtime?",
            "What is the cap on a dinner claim after a long day?",
        ),
    ),
    _concept(
        "inflight_wifi",
        "expenses",
        ValueSpec("{} hours", 3, 14),
        (
            "Internet access on board is reimbursed for flights longer than {value}.",
            "Connectivity charges in the air are covered when the journey exceeds {value}.",
        ),
        (
            "When can I expense Wi-Fi on a plane?",
            "From what flight duration is onboard web browsing paid for?",
        ),
    ),
    _concept(
        "laundry_on_trips",
        "expenses",
        ValueSpec("{} nights", 4, 14),
        (
            "Laundry costs are refundable on business trips lasting more than {value}.",
            "Washing and pressing of clothes can be claimed once a journey passes {value} away.",
        ),
        (
            "When can I get my dry cleaning paid for while travelling?",
            "What trip length makes garment cleaning claimable?",
        ),
    ),
)

_IT = (
    _concept(
        "mailbox_quota",
        "it",
        ValueSpec("{} GB", 25, 100, 5),
        (
            "Each email account can hold {value} of messages before further deliveries bounce.",
            "Storage for electronic correspondence is capped at {value} per person.",
        ),
        (
            "How large is my inbox allowed to get?",
            "What is the maximum size of a mailbox?",
        ),
    ),
    _concept(
        "cloud_drive_quota",
        "it",
        ValueSpec("{} GB", 100, 1000, 100),
        (
            "Personal file sync space is capped at {value} for every user.",
            "Each person receives {value} of internet-hosted document storage.",
        ),
        (
            "How much room do I have in my cloud folder?",
            "What quota applies to my online drive?",
        ),
    ),
    _concept(
        "urgent_ticket_response",
        "it",
        ValueSpec("{} minutes", 10, 60, 5),
        (
            "Critical tickets raised with technical support are picked up within {value}.",
            "For anything that stops a whole department from working, an engineer responds in "
            "under {value}.",
        ),
        (
            "How fast will the service desk react to a severe outage?",
            "What is the helpdesk turnaround for top-priority problems?",
        ),
    ),
    _concept(
        "attachment_size_limit",
        "it",
        ValueSpec("{} MB", 10, 60, 5),
        (
            "Outgoing mail carrying enclosures larger than {value} is refused by the gateway.",
            "Anything attached to an email must stay under {value} in total.",
        ),
        (
            "What is the size limit for files I send with a message?",
            "How large may an attachment be?",
        ),
    ),
    _concept(
        "software_install_turnaround",
        "it",
        ValueSpec("{} business days", 2, 12),
        (
            "Approved application installs are completed within {value}.",
            "Once a manager signs off, new programs appear on the requester's machine in no "
            "more than {value}.",
        ),
        (
            "How long until requested software is put on my laptop?",
            "What is the turnaround for adding a new tool to my computer?",
        ),
    ),
    _concept(
        "vpn_idle_timeout",
        "it",
        ValueSpec("{} minutes", 10, 120, 10),
        (
            "Remote network tunnels drop automatically after {value} without traffic.",
            "The secure remote connection is closed after {value} of inactivity.",
        ),
        (
            "When does the VPN kick me off if I am idle?",
            "How long before an unused virtual private network link times out?",
        ),
    ),
    _concept(
        "print_quota",
        "it",
        ValueSpec("{} pages", 200, 1000, 50),
        (
            "Each person may output up to {value} per month on the shared devices.",
            "Monthly printing is capped at {value} for every account.",
        ),
        (
            "How many sheets can I send to the office copier?",
            "What is my hard-copy allowance on the office copiers?",
        ),
    ),
    _concept(
        "workstation_backup_interval",
        "it",
        ValueSpec("{} hours", 2, 24),
        (
            "Workstation contents are copied to the central vault every {value}.",
            "Files on employee computers are snapshotted at intervals of {value}.",
        ),
        (
            "How often are laptops backed up?",
            "What is the frequency of automatic device backups?",
        ),
    ),
    _concept(
        "deleted_file_recovery",
        "it",
        ValueSpec("{} days", 14, 90),
        (
            "Removed items stay recoverable from the recycle area for {value}.",
            "Anything deleted from shared drives can be restored for {value} afterwards.",
        ),
        (
            "How long do I have to get back a file I trashed by mistake?",
            "What is the undelete window for documents?",
        ),
    ),
    _concept(
        "os_patch_deadline",
        "it",
        ValueSpec("{} days", 3, 21),
        (
            "Operating system patches must be installed within {value} of release.",
            "Every machine has to apply vendor updates no later than {value} after they ship.",
        ),
        (
            "How soon must I restart to take the latest Windows fixes?",
            "What is the deadline for upgrading my computer after a security fix comes out?",
        ),
    ),
    _concept(
        "loaner_laptop_period",
        "it",
        ValueSpec("{} days", 3, 30),
        (
            "Spare machines from the helpdesk can be borrowed for up to {value}.",
            "Temporary replacement computers are lent out for a maximum of {value}.",
        ),
        (
            "How long can I keep a loaner if mine is being repaired?",
            "For what period may I hold a stand-in notebook?",
        ),
    ),
    _concept(
        "video_meeting_tool",
        "it",
        ValueSpec(
            choices=(
                "Parley",
                "Huddlecast",
                "Confera",
                "Beamroom",
                "Talkwell",
                "Vistamo",
                "Meetline",
                "Orbitcall",
                "Clearview",
                "Echoroom",
            )
        ),
        (
            "The approved platform for video meetings is {value}.",
            "All calls with cameras should run on {value}, which is installed on every laptop.",
        ),
        (
            "Which app should I use for online conferencing?",
            "What software do we use to talk remotely with screen sharing?",
        ),
    ),
)

_FACILITIES = (
    _concept(
        "doors_open_time",
        "facilities",
        ValueSpec(
            choices=(
                "05:45",
                "06:00",
                "06:30",
                "07:00",
                "07:15",
                "07:30",
                "07:45",
                "08:00",
                "08:15",
                "08:30",
            )
        ),
        (
            "The front doors are unlocked at {value} each weekday.",
            "Badge readers at the main entrance start accepting passes from {value}.",
        ),
        (
            "What is the earliest I can get into the office in the morning?",
            "When does the building open?",
        ),
    ),
    _concept(
        "alarm_arming_time",
        "facilities",
        ValueSpec(choices=_half_hours("19:00", "23:30")),
        (
            "The intruder alarm arms itself at {value} and anyone still inside must badge out "
            "first.",
            "After {value} the premises are secured for the night.",
        ),
        (
            "What time does the office close in the evening?",
            "How late can I stay at my desk before the building shuts?",
        ),
    ),
    _concept(
        "meeting_room_max_booking",
        "facilities",
        ValueSpec("{} minutes", 60, 240, 15),
        (
            "Conference spaces can be held for no more than {value} in one go.",
            "A single booking of a shared huddle area may last at most {value}.",
        ),
        (
            "How long may I hold a meeting room?",
            "What is the cap on boardroom reservations?",
        ),
    ),
    _concept(
        "room_no_show_release",
        "facilities",
        ValueSpec("{} minutes", 5, 30),
        (
            "Bookings that nobody checks in to are released after {value}.",
            "An empty room is returned to the pool when its organiser fails to confirm arrival "
            "within {value}.",
        ),
        (
            "How soon is an unused meeting reservation freed up?",
            "If I do not show up for a space I reserved, when does someone else get it?",
        ),
    ),
    _concept(
        "hot_desk_advance_booking",
        "facilities",
        ValueSpec("{} days", 3, 21),
        (
            "Flexible workstations can be claimed up to {value} ahead.",
            "Shared seats open for reservation {value} before the date you need them.",
        ),
        (
            "How far in advance can I book a hot desk?",
            "How early can I grab a hot-desking spot?",
        ),
    ),
    _concept(
        "guest_wifi_validity",
        "facilities",
        ValueSpec("{} hours", 4, 72, 4),
        (
            "Visitor internet vouchers remain valid for {value} after they are printed.",
            "Codes for the wireless network handed to guests expire after {value}.",
        ),
        (
            "How long does a visitor's Wi-Fi password work?",
            "For how long can my external guest stay online?",
        ),
    ),
    _concept(
        "lost_property_holding",
        "facilities",
        ValueSpec("{} days", 14, 60),
        (
            "Items handed in at reception are held for {value} before being donated.",
            "Belongings found on the premises are stored for {value} and then given to charity.",
        ),
        (
            "How long does the front desk keep things people leave behind?",
            "When is unclaimed lost property disposed of?",
        ),
    ),
    _concept(
        "fridge_clear_out_day",
        "facilities",
        ValueSpec(choices=WEEKDAYS),
        (
            "Shared refrigerators are emptied every {value} afternoon.",
            "Anything left in the communal coolers is thrown out on {value}.",
        ),
        (
            "When is the kitchen fridge cleared out?",
            "On which day does food in the pantry get binned?",
        ),
    ),
    _concept(
        "post_collection_time",
        "facilities",
        ValueSpec(choices=_half_hours("13:00", "17:30")),
        (
            "Outgoing post leaves the mailroom at {value} daily.",
            "Letters and parcels must be dropped at reception before {value} to go out the same "
            "day.",
        ),
        (
            "What is the last pickup time for sending mail?",
            "By when should packages be ready for the courier?",
        ),
    ),
    _concept(
        "evacuation_drill_interval",
        "facilities",
        ValueSpec("{} months", 2, 12),
        (
            "Evacuation exercises are run every {value}.",
            "The building is cleared in a practice emergency once every {value}.",
        ),
        (
            "How often do we have a fire drill?",
            "How frequently is a fire alarm rehearsal held?",
        ),
    ),
    _concept(
        "visitor_preregistration",
        "facilities",
        ValueSpec("{} hours", 2, 48, 2),
        (
            "External guests must be registered with reception at least {value} before they "
            "arrive.",
            "Hosts need to log any outside visitor {value} ahead of the visit.",
        ),
        (
            "How much notice does the front desk need about people coming to see me?",
            "When should I sign up a client who is dropping by?",
        ),
    ),
    _concept(
        "locker_allocation_period",
        "facilities",
        ValueSpec("{} months", 3, 12),
        (
            "Personal storage cabinets are assigned for {value} and must then be renewed.",
            "Each allocation of a lockable cupboard lasts {value} before it has to be requested "
            "again.",
        ),
        (
            "How long can I keep a locker?",
            "When will I have to reapply for my locker?",
        ),
    ),
)

_SECURITY = (
    _concept(
        "screen_lock_timeout",
        "security",
        ValueSpec("{} minutes", 2, 15),
        (
            "Unattended computers must lock themselves after {value} without input.",
            "Displays switch to a password prompt once a machine has been idle for {value}.",
        ),
        (
            "When does my laptop auto-lock if I walk away?",
            "What is the inactivity timeout for the screen?",
        ),
    ),
    _concept(
        "awareness_course_cycle",
        "security",
        ValueSpec("{} months", 3, 14),
        (
            "Everyone completes the online awareness course every {value}.",
            "Training on spotting scams and social engineering must be repeated after {value}.",
        ),
        (
            "How often do we have to redo the phishing module?",
            "What is the refresh cycle for mandatory cyber education?",
        ),
    ),
    _concept(
        "lost_device_reporting",
        "security",
        ValueSpec("{} hours", 2, 24),
        (
            "A missing laptop or phone has to be declared to the security desk within {value}.",
            "Theft of any company device must be reported no later than {value} after you "
            "notice it.",
        ),
        (
            "How soon must I tell someone that my work computer was stolen?",
            "What is the deadline for flagging a misplaced mobile?",
        ),
    ),
    _concept(
        "confidential_waste_day",
        "security",
        ValueSpec(choices=WEEKDAYS),
        (
            "The locked confidential waste consoles are emptied every {value}.",
            "Sensitive paper placed in the secure bins is collected for destruction on {value}.",
        ),
        (
            "Which day are private documents taken away for shredding?",
            "When do the classified-paper containers get picked up?",
        ),
    ),
    _concept(
        "leaver_badge_deactivation",
        "security",
        ValueSpec("{} hours", 2, 48, 2),
        (
            "Door passes of departing staff stop working {value} after their final shift.",
            "A leaver's entry card is deactivated {value} after they clock out for the last time.",
        ),
        (
            "How quickly is a former employee's building badge switched off?",
            "When does someone who quits lose physical access to the office?",
        ),
    ),
    _concept(
        "badge_replacement_fee",
        "security",
        ValueSpec("{} EUR", 5, 60, 5),
        (
            "A lost entry card costs {value} to replace.",
            "Reissuing a misplaced door pass is charged at {value}.",
        ),
        (
            "What is the fee for a new building badge if I lose mine?",
            "How much will I be billed if my staff ID goes missing?",
        ),
    ),
    _concept(
        "secure_transfer_expiry",
        "security",
        ValueSpec("{} days", 3, 30),
        (
            "Files sent through the secure transfer portal expire after {value}.",
            "Download links created for outside parties stop working after {value}.",
        ),
        (
            "How long can an external recipient fetch a document I shared with them?",
            "When do encrypted sharing links become invalid?",
        ),
    ),
    _concept(
        "disclosure_first_reply",
        "security",
        ValueSpec("{} business days", 2, 12),
        (
            "Researchers who report a vulnerability receive a first reply within {value}.",
            "Outside experts flagging a security flaw get an acknowledgement in at most {value}.",
        ),
        (
            "How quickly do we answer ethical hackers who find a hole in our systems?",
            "What is the response commitment for external disclosure submissions?",
        ),
    ),
    _concept(
        "cctv_footage_retention",
        "security",
        ValueSpec("{} days", 14, 90),
        (
            "Camera recordings from the entrances are kept for {value}.",
            "Surveillance footage is overwritten after {value} unless an investigation needs it.",
        ),
        (
            "How long is CCTV video stored?",
            "What is the retention period for security camera clips?",
        ),
    ),
    _concept(
        "background_check_span",
        "security",
        ValueSpec("{} years", 3, 12),
        (
            "Pre-employment screening covers the previous {value} of employment history.",
            "Background verification for new joiners spans {value} of past jobs.",
        ),
        (
            "How far back do hiring checks go?",
            "What period does vetting of candidates examine?",
        ),
    ),
    _concept(
        "phishing_report_triage",
        "security",
        ValueSpec("{} minutes", 15, 120, 5),
        (
            "Messages forwarded to the report-abuse mailbox are triaged within {value}.",
            "Suspicious emails flagged by staff are reviewed by an analyst in under {value}.",
        ),
        (
            "How soon will someone examine a scam I passed on to the security team?",
            "What is the turnaround on phishing reports?",
        ),
    ),
    _concept(
        "propped_door_alarm",
        "security",
        ValueSpec("{} seconds", 30, 180, 10),
        (
            "Emergency exits that are held open trigger a siren after {value}.",
            "A fire door left ajar sounds an alert once {value} have elapsed.",
        ),
        (
            "How long can a fire exit stay propped before an alarm goes off?",
            "When does a wedged safety door start beeping?",
        ),
    ),
)

_PEOPLE = (
    _concept(
        "probation_length",
        "people",
        ValueSpec("{} months", 3, 12),
        (
            "New joiners serve a trial stage of {value} before their contract becomes permanent.",
            "The initial assessment phase for fresh hires lasts {value}.",
        ),
        (
            "How long is probation?",
            "When does a newcomer's employment get confirmed?",
        ),
    ),
    _concept(
        "resignation_notice",
        "people",
        ValueSpec("{} weeks", 2, 12),
        (
            "Staff who resign must serve a notice period of {value}.",
            "Anyone leaving of their own accord is expected to stay on for {value} after "
            "handing in their letter.",
        ),
        (
            "How much warning must I give before quitting?",
            "How long before my final day do I have to tell my manager I am moving on?",
        ),
    ),
    _concept(
        "appraisal_cycle",
        "people",
        ValueSpec("{} months", 3, 12),
        (
            "Formal appraisals with your line manager take place every {value}.",
            "Each employee's objectives and achievements are assessed once every {value}.",
        ),
        (
            "How often are performance reviews held?",
            "What is the cadence of evaluations?",
        ),
    ),
    _concept(
        "pay_rise_month",
        "people",
        ValueSpec(choices=MONTHS),
        (
            "Salary increases take effect each {value}.",
            "Adjustments to base pay are applied in {value} every year.",
        ),
        (
            "When do raises kick in?",
            "Which month brings the annual wage uplift?",
        ),
    ),
    _concept(
        "referral_bonus",
        "people",
        ValueSpec("{} EUR", 500, 3000, 250),
        (
            "Introducing a friend who is hired earns a reward of {value}.",
            "Colleagues whose recommended candidate joins receive {value}.",
        ),
        (
            "What is the payout for referring someone?",
            "How much do I get if a person I suggested is taken on?",
        ),
    ),
    _concept(
        "counselling_sessions",
        "people",
        ValueSpec("{} sessions", 3, 14),
        (
            "Confidential therapy is available for up to {value} per year at no cost.",
            "The wellbeing programme funds {value} with a licensed counsellor annually.",
        ),
        (
            "How many free appointments does the employee assistance line cover?",
            "What mental health support is paid for?",
        ),
    ),
    _concept(
        "gym_subsidy",
        "people",
        ValueSpec("{} EUR per month", 20, 70, 5),
        (
            "Fitness club memberships are subsidised by {value}.",
            "Staff who join a sports centre receive {value} toward the fee.",
        ),
        (
            "How much does the company contribute to a gym?",
            "How much is the exercise perk worth?",
        ),
    ),
    _concept(
        "donation_matching",
        "people",
        ValueSpec("{} EUR", 100, 1000, 100),
        (
            "Personal donations to registered charities are matched up to {value} a year.",
            "The organisation doubles what staff give to good causes, to a maximum of {value} "
            "annually.",
        ),
        (
            "How much will the company add on top of my contributions to nonprofits?",
            "What ceiling applies to the philanthropy top-up scheme?",
        ),
    ),
    _concept(
        "long_service_award",
        "people",
        ValueSpec("{} years", 3, 15),
        (
            "Staff reaching {value} with the firm receive an anniversary gift.",
            "An engraved watch is given after {value} of continuous employment.",
        ),
        (
            "When do people get a long-service present?",
            "At what tenure is a loyalty reward handed out?",
        ),
    ),
    _concept(
        "onboarding_buddy",
        "people",
        ValueSpec("{} weeks", 4, 16),
        (
            "Every newcomer is paired with a buddy for their first {value}.",
            "Recently hired colleagues have an assigned peer guide during their opening {value}.",
        ),
        (
            "For how long do new starters get a mentor?",
            "How long does onboarding support from a fellow employee last?",
        ),
    ),
    _concept(
        "internal_transfer_wait",
        "people",
        ValueSpec("{} months", 6, 24, 2),
        (
            "Employees may apply for an internal vacancy after {value} in their current role.",
            "A transfer to another department can be requested once you have held your "
            "position for {value}.",
        ),
        (
            "When am I eligible to switch teams?",
            "How long must I stay in my job before moving sideways within the organisation?",
        ),
    ),
    _concept(
        "pension_contribution",
        "people",
        ValueSpec("{} percent", 3, 12),
        (
            "The employer deposits {value} of base salary into the retirement plan.",
            "The organisation adds {value} of gross earnings to each person's retirement fund.",
        ),
        (
            "What is the company's pension contribution?",
            "What percentage of my pay goes into my pension from the firm?",
        ),
    ),
    _concept(
        "standard_working_week",
        "people",
        ValueSpec("{} hours", 32, 42),
        (
            "Full-time contracts are based on {value} per week.",
            "A standard schedule adds up to {value} across Monday to Friday.",
        ),
        (
            "How long is a regular workweek?",
            "How much time does a permanent role require weekly?",
        ),
    ),
)

_FINANCE = (
    _concept(
        "supplier_payment_terms",
        "finance",
        ValueSpec("{} days", 15, 60, 5),
        (
            "Suppliers are paid {value} after a valid invoice is received.",
            "Accounts payable settles approved bills from vendors on terms of {value}.",
        ),
        (
            "How soon do external providers get their money?",
            "What is our standard settlement window for contractors?",
        ),
    ),
    _concept(
        "fiscal_year_start",
        "finance",
        ValueSpec(choices=MONTHS),
        (
            "The financial year begins on the first of {value}.",
            "Our books for a new twelve-month cycle open in {value}.",
        ),
        (
            "When does the fiscal calendar start?",
            "In which month does the company's accounting year commence?",
        ),
    ),
    _concept(
        "month_end_close",
        "finance",
        ValueSpec("{} working days", 3, 12),
        (
            "Ledgers are locked {value} after each calendar month ends.",
            "Bookkeeping for a period is finalised within {value} of its last day.",
        ),
        (
            "How long does finance take to shut the books monthly?",
            "When is the period-end close complete?",
        ),
    ),
    _concept(
        "budget_submission_month",
        "finance",
        ValueSpec(choices=MONTHS),
        (
            "Departmental spending plans for the next year are due by the end of {value}.",
            "Cost centre owners submit their forecasts for the coming twelve months in {value}.",
        ),
        (
            "When do managers hand in their annual budget?",
            "By what month must budget proposals be sent to finance?",
        ),
    ),
    _concept(
        "petty_cash_limit",
        "finance",
        ValueSpec("{} EUR", 100, 500, 25),
        (
            "Petty cash boxes hold no more than {value} at any time.",
            "Each office keeps a float of notes and coins capped at {value}.",
        ),
        (
            "What is the maximum amount of money kept in the office till?",
            "How much physical currency may a site store?",
        ),
    ),
    _concept(
        "invoice_dual_signature",
        "finance",
        ValueSpec("{} EUR", 5000, 50000, 5000),
        (
            "Supplier bills above {value} need a second signature from the finance director.",
            "Any invoice exceeding {value} must be countersigned before payment is released.",
        ),
        (
            "At what amount does paying a vendor require two approvers?",
            "Above what figure must two people approve a bill?",
        ),
    ),
    _concept(
        "payday",
        "finance",
        ValueSpec(choices=("20th", "21st", "22nd", "23rd", "24th", "25th", "26th", "27th", "28th")),
        (
            "Salaries land in bank accounts on the {value} of each month.",
            "Monthly wages are transferred on the {value}, or the previous business day when "
            "that falls on a weekend.",
        ),
        (
            "On which date does my pay come through?",
            "What is the payroll date?",
        ),
    ),
    _concept(
        "capitalisation_threshold",
        "finance",
        ValueSpec("{} EUR", 500, 5000, 500),
        (
            "Assets costing more than {value} are depreciated rather than expensed.",
            "Equipment priced above {value} goes on the balance sheet as a fixed asset.",
        ),
        (
            "What is the threshold for capitalising a purchase?",
            "When is kit treated as capital expenditure?",
        ),
    ),
    _concept(
        "budget_variance_explanation",
        "finance",
        ValueSpec("{} percent", 5, 25),
        (
            "Departments that overspend their plan by more than {value} must explain the gap.",
            "A written justification is required when actual costs exceed forecast by {value} "
            "or more.",
        ),
        (
            "When do cost centres have to justify going over budget?",
            "What deviation from the budget triggers a review?",
        ),
    ),
    _concept(
        "statutory_audit_month",
        "finance",
        ValueSpec(choices=MONTHS),
        (
            "External auditors carry out their fieldwork in {value}.",
            "The statutory examination of our accounts takes place in {value}.",
        ),
        (
            "When do outside accountants check the books?",
            "In which month is the yearly audit held?",
        ),
    ),
    _concept(
        "customer_refund_time",
        "finance",
        ValueSpec("{} business days", 3, 14),
        (
            "Customer refunds are issued within {value}.",
            "Money owed to a buyer is returned in no more than {value}.",
        ),
        (
            "How fast do clients get reimbursed?",
            "What is the turnaround for paying a purchaser back?",
        ),
    ),
    _concept(
        "bad_debt_write_off",
        "finance",
        ValueSpec("{} months", 6, 24),
        (
            "Unpaid customer balances older than {value} are written off.",
            "Receivables that remain uncollected for {value} are removed from the ledger as bad "
            "debt.",
        ),
        (
            "When does the company give up on an overdue invoice?",
            "How long before an unsettled account is abandoned?",
        ),
    ),
)

CONCEPTS: tuple[ParaphraseConcept, ...] = (
    _TIME_OFF + _EXPENSES + _IT + _FACILITIES + _SECURITY + _PEOPLE + _FINANCE
)
"""All paraphrase concepts, grouped by topic."""
