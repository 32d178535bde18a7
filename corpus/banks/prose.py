"""Prose banks: filler sentences, document titles and section headings per genre.

Filler is colour (plans, decisions, context, reminders, thanks). It never states a fact of
the kinds the questions ask about, so each such fact appears exactly once in a corpus.
Every template is one sentence; its slots are `corpus.slots.DYNAMIC_SLOTS` or keys of
`corpus.banks.words.WORDS`.
"""

from __future__ import annotations

# Filler sentence templates per document genre.
GENRES: dict[str, tuple[str, ...]] = {
    "product": (
        "The {product} was originally designed for {customer_segment}, and that focus still "
        "shapes most roadmap decisions.",
        "Early prototypes of the {product} went through several rounds of the {validation} before "
        "the design was frozen.",
        "{person} from the {team} team collected feedback from {customer_segment} during the "
        "pilot in {city}.",
        "Industrial design settled on a matte finish for the {hardware_part} after customers "
        "complained about fingerprints on glossy samples.",
        "We revised the {hardware_part} on the {product} {reason}.",
        "Packaging for the {product} now uses recycled card and no plastic inserts, a change "
        "{first_name} pushed for.",
        "The quick start guide was rewritten in plain language after support noticed repeated "
        "questions from {customer_segment}.",
        "Field technicians asked for a tool-free way to replace the {hardware_part}, and the next "
        "revision delivers that.",
        "Sales teams in {city} have been using demo units of the {product} at trade shows since "
        "{month}.",
        "The naming of the {product} follows the family convention that marketing agreed with "
        "{first_name} in {year}.",
        "Most returns of the {product} from {customer_segment} so far trace back to setup "
        "confusion rather than hardware faults.",
        "{first_name} keeps a running list of customer requests for the {product} in {tool}.",
        "Our manufacturing partner proposed an assembly change that removes one manual step when "
        "fitting the {hardware_part}.",
        "Accessibility reviewers asked for higher contrast on the {hardware_part} markings, and "
        "the change ships with the next production run.",
        "Documentation for the {product} lives alongside the {document} so that support and "
        "engineering read the same source.",
        "The {team} team {verb_past} the {artifact} for the {product} ahead of the launch review.",
        "Customer interviews in {city} suggested that {customer_segment} care more about "
        "dependable behaviour than about extra features.",
        "Colour options for the {product} were reduced to keep things simple for distributors "
        "serving {customer_segment}.",
        "A small batch of pre-production units is reserved for the {validation} and will never be "
        "shipped to customers.",
        "The product page for the {product} is being refreshed by {first_name} with new "
        "photography taken in the {city} studio.",
        "Support has prepared troubleshooting articles for the {product} covering the questions "
        "{customer_segment} ask most often.",
        "We decided against a touchscreen on the {product} because {customer_segment} often "
        "operate it while wearing gloves.",
        "Feedback from {customer_segment} led us to move the {hardware_part} to a more accessible "
        "position.",
        "The {product} roadmap for {year} prioritises serviceability of the {hardware_part} over "
        "new sensors.",
        "Availability of the {hardware_part} improved in {quarter}, which lets manufacturing plan "
        "further ahead for the {product}.",
        "Marketing will position the {product} as the dependable choice for {customer_segment} "
        "rather than the most feature-rich one.",
        "Regional distributors in {city} asked for localised markings, which {first_name} is now "
        "preparing with the packaging team.",
        "Every change to the {hardware_part} goes through the {process} process before it reaches "
        "the production line.",
        "The companion app for the {product} is shared with the rest of the family, and the "
        "{team} team ships improvements to all of them.",
        "{person} ran a teardown of a competing device to inform the internal layout of the "
        "{product}.",
        "Installation guides now include a photo for every step, which {first_name} says has cut "
        "down on support calls noticeably.",
        "The design team explored several colour treatments for the {hardware_part} before "
        "settling on the neutral grey used on the {product}.",
        "We expect the {deliverable} for the {product} {timeframe_phrase}.",
        "The {validation} surfaced a loose {hardware_part} on early units, which the supplier "
        "corrected before volume production.",
        "Training material for resellers, written by {person}, covers the {product} setup flow "
        "and common troubleshooting steps.",
        "Lessons from the previous generation, collected by {person}, shaped the internal cable "
        "routing of the {product}.",
        "Retail partners asked for shelf-ready packaging, so {first_name} redesigned the "
        "{product} box to stand upright.",
        "A refreshed {hardware_part} design reduced assembly effort on the line by {percent}.",
        "{first_name} from {department} is coordinating the launch communications for the "
        "{product}.",
        "Industrial designers in {city} built foam mock-ups of the {product} so that "
        "{customer_segment} could test how it feels in the hand.",
        "The user manual for the {product} is available in {n} languages, with more planned "
        "{timeframe_phrase}.",
        "Product management meets engineering {cadence} to review open requests for the {product}.",
        "The launch checklist for the {product} is tracked in {tool} and reviewed at the "
        "{meeting}.",
        "We chose a modular internal layout for the {product} {reason}.",
        "Serviceability scores for the {product} improved after the {hardware_part} became a "
        "snap-fit part.",
        "Engineering samples of the {product} were shipped to {city} for the {validation} in "
        "{month}.",
        "Customers upgrading from older models can reuse their existing cabling with the "
        "{product}, which {customer_segment} appreciate.",
        "Thanks to {person} {thanks_reason}, which kept the {product} launch on schedule.",
        "Photography for the {product} brochure will be reshot once the final {hardware_part} "
        "colour is approved.",
        "The product council agreed in {month} to keep the {product} line focused on "
        "{customer_segment}.",
        "Representatives from {customer_segment} will see the {product} at the trade fair in "
        "{city}, where sales plans live demonstrations.",
        "Printed markings on the {hardware_part} were moved inside the lid so they stay readable "
        "after years of handling.",
        "A redesigned {hardware_part} reduced the number of screws needed during assembly.",
        "Support agents received hands-on training with the {product} from {person} before the "
        "general release.",
        "The {product} is one of the first devices designed entirely with the new enclosure "
        "toolkit that {first_name} helped build.",
        "We are gathering installer feedback on the {product} through a short survey that "
        "{first_name} linked from the setup app.",
        "The environmental report for the {product}, compiled by {person}, covers materials, "
        "packaging and end-of-life recycling options.",
        "{person} presented the {product} roadmap at the {forum}, focusing on serviceability and "
        "installer experience.",
        "Design reviews for the {product} now include someone from {department}, which has caught "
        "several usability issues early.",
        "Most {customer_segment} install the {product} themselves, so setup clarity matters more "
        "than raw specifications.",
        "A limited run of demo units of the {product} is available to account teams on request "
        "from {first_name}.",
        "Manufacturing moved the final inspection of the {product} earlier in the line {reason}.",
        "Feedback from the {validation} confirmed that the revised {hardware_part} holds up under "
        "repeated handling.",
        "The setup wizard for the {product} now detects common wiring mistakes, a feature "
        "{first_name} prototyped during the {event}.",
        "Regional sales in {city} reported strong interest in the {product} from "
        "{customer_segment}.",
        "Spare parts for the {product}, including the {hardware_part}, are stocked at the "
        "regional depot.",
        "Naming for the successor to the {product} is still under discussion between marketing "
        "and {first_name}.",
        "Reference installation photos for the {product} were taken by {first_name} at a customer "
        "site in {city} with permission.",
        "Engineering is working with suppliers to shorten delivery schedules for the "
        "{hardware_part}.",
        "Feedback sessions with {customer_segment} are scheduled {cadence} while the {product} is "
        "in early access.",
        "The industrial design of the {product} won internal approval in {month} {year} after "
        "several rounds of critique.",
        "Our sustainability goals influenced the choice of recycled plastics in the "
        "{hardware_part} of the {product}.",
        "Installation partners asked for a printed wiring diagram inside the {product} box, which "
        "will be added {timeframe_phrase}.",
        "The launch retrospective for the {product} is planned for {month}, once "
        "{customer_segment} have used the first batch in the field.",
        "Early adopters of the {product} have been generous with feedback, and {first_name} has "
        "turned much of it into roadmap items.",
        "We retired the older accessory bundle for the {product} {reason}.",
        "Translations of the {product} setup screens were checked by {first_name} and other "
        "native speakers in {city} before release.",
        "The {product} appears in the partner catalogue with refreshed diagrams drawn by the "
        "{team} team.",
        "Warehouse staff in {city} suggested clearer carton markings for the {product}, which "
        "{first_name} rolled out.",
        "Usability sessions with {customer_segment} showed that first-time installers of the "
        "{product} rarely open the printed manual.",
        "The {hardware_part} of the {product} was restyled to match the rest of the family.",
        "Customer success teams use the {product} demo kit to walk {customer_segment} through "
        "typical deployments.",
        "Design files for the {product} are archived with the {artifact} so future teams can "
        "trace each decision.",
    ),
    "policy": (
        "This policy applies to all employees, contractors and temporary staff, and {department} "
        "can confirm edge cases.",
        "The policy is reviewed {cadence} by {department} together with representatives from "
        "across the company.",
        "Questions about how this policy applies to a specific situation can be raised with the "
        "{stakeholder_role}.",
        "The wording of this section was simplified in {year} after {department} reported that "
        "the previous text was hard to follow.",
        "Where this policy conflicts with local law in {city}, local law takes precedence, and "
        "{department} will explain the difference.",
        "Managers are expected to apply the policy consistently and to record any exceptions in "
        "{workplace_tool}.",
        "Exceptions are possible but should be rare, documented in {workplace_tool} and agreed "
        "before the fact rather than after.",
        "{person} from {department} coordinated the latest review and gathered comments from "
        "{count} colleagues.",
        "The intent of this policy is to be fair and predictable, as {first_name} from "
        "{department} put it during the review, not to catch people out.",
        "Earlier drafts were discussed at the {meeting}, and the feedback shaped the current "
        "structure.",
        "This document replaces the scattered guidance that used to live in team wikis and the "
        "old {document}.",
        "If you spot something unclear in this policy, please tell {person} so the next revision "
        "can fix it.",
        "The {process} process described below was introduced {reason}.",
        "Supporting documents should be attached in {workplace_tool} at the time of submission.",
        "Legal reviewed this policy with {person} in {month} and confirmed it aligns with current "
        "regulations.",
        "People managers received a short briefing from {department} on the changes before the "
        "policy was published.",
        "Local offices such as {city} may publish additional guidance, but {department} checks "
        "that it does not contradict this policy.",
        "The policy deliberately avoids listing every scenario and instead sets out principles, "
        "an approach {first_name} argued for during drafting.",
        "Changes to this policy are announced at the {forum} and summarised at the top of the "
        "page.",
        "When in doubt, choose the option a reasonable colleague would consider sensible, and ask "
        "the {stakeholder_role} if that does not settle it.",
        "Employees seconded to {city} follow the policy of their home entity unless {department} "
        "agrees otherwise in writing.",
        "This policy should be read together with the {document}, which covers related "
        "obligations.",
        "{department} maintains this policy and keeps the change history at the bottom of the "
        "page.",
        "Feedback gathered during the consultation in {month} {year} showed strong support for "
        "clearer worked examples.",
        "Breaches of this policy are handled through the normal people process, which "
        "{department} describes in the {document}.",
        "Contractors should check with their agency whether additional terms apply, and {person} "
        "can help if the answer is unclear.",
        "We publish the rationale alongside each rule, an idea borrowed from the {document}, so "
        "people understand why it exists.",
        "A plain-language summary of this policy is available for new joiners in the {document}.",
        "The policy was benchmarked by {department} against peers in {city} and similar companies "
        "in our sector.",
        "{first_name} drafted the first outline of this policy while working in {department}.",
        "Records kept in {workplace_tool} form the audit trail for decisions made under this "
        "policy.",
        "Teams are encouraged to discuss this policy at the {meeting} rather than interpreting it "
        "alone.",
        "Several definitions in this policy were aligned with the wording already used by "
        "{department}.",
        "Examples in this policy are illustrative and do not cover every edge case, so check with "
        "{department} when unsure.",
        "This revision, prepared by {person}, tightens the language around documentation without "
        "changing the underlying intent.",
        "Any manager can ask {department} for a walkthrough of the policy for their team.",
        "The {stakeholder_role} signs off on major changes before they take effect.",
        "Translations of this policy were prepared by {first_name} and colleagues in {city}, and "
        "the English text is authoritative.",
        "Where a rule here seems to block legitimate work, please flag it to the "
        "{stakeholder_role} rather than working around it.",
        "Findings from the most recent internal audit highlighted inconsistent record keeping in "
        "{department}, which this text addresses.",
        "Guidance for part-time colleagues is included in each section, following feedback from "
        "{first_name} and others.",
        "Reminders about this policy go out {cadence} through the {forum}.",
        "We try to keep the policy short, so detailed procedures live in linked pages such as the "
        "{document}.",
        "Interns and apprentices are covered by this policy in the same way as permanent staff, "
        "which {department} confirmed in {month}.",
        "The policy was co-written with employee representatives {reason}.",
        "Earlier editions are archived and can be requested from {department} if needed.",
        "The principles here apply equally to remote colleagues and those based in the {city} "
        "office, as {first_name} confirmed.",
        "Feedback on this policy can be left as comments on the page or shared directly with "
        "{person}.",
        "Sections marked as guidance are recommendations, while sections marked as rules are "
        "mandatory, a distinction {person} introduced in {year}.",
        "A small policy committee meets {cadence} to review open questions and proposed "
        "amendments.",
        "This page links to the forms and tools needed to follow the policy, starting with "
        "{workplace_tool}.",
        "A short quiz accompanies this policy in the {document} to help people check their "
        "understanding.",
        "Managers should not create local variations of this policy without agreement from "
        "{department}.",
        "The change log at the end of this page, kept by {first_name}, lists every substantive "
        "amendment since {year}.",
        "Colleagues in regulated roles may have additional obligations set out by the "
        "{stakeholder_role}.",
        "The {process} process was added to this policy after repeated confusion during {quarter}.",
        "Much of the structure here was borrowed from the {document}, which people already found "
        "readable.",
        "This policy assumes good faith, and most questions are resolved informally with the "
        "{stakeholder_role}.",
        "Any disputes about interpretation are settled by {department} after consulting the "
        "people involved.",
        "In {month} the wording on approvals was clarified by {department} so that managers know "
        "exactly what to check.",
        "Colleagues who travel frequently, including several in {department}, helped test the "
        "draft and suggested practical improvements.",
        "Nothing in this policy overrides the terms of individual employment contracts, as "
        "{department} confirmed during the review in {month}.",
        "Where a situation is genuinely new, document the decision in {workplace_tool} and share "
        "it so the policy can catch up.",
        "This policy supports the wider {initiative}, which aims for consistency across offices.",
        "The sections below are ordered by how often people ask {department} about them, not by "
        "importance.",
        "A recorded walkthrough of this policy was presented at the {forum} and is linked from "
        "this page.",
        "The {stakeholder_role} and colleagues from {department} reviewed the draft side by side "
        "in {month}.",
        "Clarity was the main goal of this rewrite by {person}, so several long paragraphs became "
        "short lists.",
        "Please do not copy this policy into other documents such as the {artifact}, because "
        "copies quickly fall out of date.",
        "Contractors engaged through suppliers should follow the parts of this policy that their "
        "agreement references, and {department} can clarify which.",
        "Recurring questions are logged in {workplace_tool} to decide what the next revision "
        "should clarify.",
        "We consulted {count} employees across offices before finalising the current wording.",
        "The policy is designed to scale as the organisation grows into new regions, a goal set "
        "at the {meeting} in {year}.",
        "When colleagues in {city} raised practical concerns, {department} adjusted the wording "
        "rather than adding exceptions.",
        "{org} expects everyone to read this policy during their first weeks, and {department} "
        "flags major changes when they happen.",
        "The previous approach relied on informal agreements, which {first_name} found led to "
        "inconsistent outcomes between teams.",
        "Colleagues who manage budgets in {department} should read the sections on documentation "
        "with particular care.",
        "A lightweight review of this policy happens after any significant organisational change, "
        "coordinated by {person}.",
        "The guidance here was tested by {department} against real cases from the past year "
        "before publication.",
        "Plain examples were added throughout after {first_name} showed that abstract rules were "
        "being read in very different ways.",
        "Obligations described here sit alongside, not above, ethical judgement, as the "
        "{stakeholder_role} reminded everyone at the {meeting}.",
        "Questions that come up repeatedly in {workplace_tool} will be folded into the frequently "
        "asked questions page.",
    ),
    "runbook": (
        "This runbook assumes you have read access to {ops_tool} and can reach the {environment}.",
        "Before changing anything, confirm which region is affected and note the start time in "
        "{ticket}.",
        "The {service} service restarts cleanly in most cases, but check the {component} logs "
        "first.",
        "If the dashboards look normal but users still report problems, widen the time window and "
        "check the {component} before drawing conclusions.",
        "Steps in this runbook were last exercised during the {validation} in {month}.",
        "{person} rewrote this section after the previous instructions turned out to skip a "
        "required check.",
        "Always capture a snapshot of the current configuration of the {component} before "
        "applying the fix below.",
        "The {component} can take several minutes to warm up after a restart, so avoid restarting "
        "it twice.",
        "Do not run the cleanup script against the {environment} without a second person watching.",
        "Most alerts for the {service} service clear on their own once the {component} catches up.",
        "If the {metric} stays elevated after the mitigation, roll back the last deploy and "
        "reassess.",
        "Record every command you run in {ticket} so the follow-up review has an accurate "
        "timeline.",
        "Credentials for the {environment} live in the secrets manager, never in personal notes, "
        "as {first_name} reminds every new engineer.",
        "This procedure was automated by {first_name} in {quarter}, so manual steps should only "
        "be needed as a fallback.",
        "A dry run in the {environment} is strongly recommended before trying these steps in "
        "production.",
        "If you are unsure whether a step is safe, pause and ask a second engineer, as "
        "{first_name} recommends, before continuing.",
        "The {service} service depends on the {component}, so check its health before "
        "investigating further.",
        "Symptoms of this failure mode include slow responses, growing queues in the {component} "
        "and sporadic timeouts.",
        "Clearing the cache is safe but temporarily raises load on the {system_area}.",
        "This runbook replaces an older wiki page that described a deployment layout which no "
        "longer exists after the {initiative}.",
        "After recovery, watch the {metric} for a while to confirm the system has settled.",
        "Use the read-only role in {ops_tool} for investigation and switch to the admin role only "
        "when applying a fix.",
        "The {service} service view in {ops_tool} is usually the quickest place to start.",
        "Replays from the dead letter queue can create duplicate {data_kind} if the consumer is "
        "not idempotent.",
        "We added a pre-flight check to the deploy pipeline {reason}.",
        "When scaling out, add capacity gradually and watch the {metric} between each step.",
        "{first_name} recorded a short video walkthrough of these steps for engineers new to the "
        "{service} service.",
        "Failover to the secondary region is a last resort and requires agreement from the "
        "incident commander and the {stakeholder_role}.",
        "The script referenced below lives in the operations repository and was last reviewed by "
        "{person}.",
        "Check the change calendar and {ops_tool} for recent activity before assuming the problem "
        "is external.",
        "The {component} emits a warning before it fails, so earlier entries in the alert history "
        "are worth reading.",
        "Restoring {data_kind} from backup is slow, so prefer replaying events when the data loss "
        "is limited.",
        "This section covers the manual path, and the automated path is described in the "
        "{document}.",
        "If the {service} service refuses connections after a restart, verify that its "
        "certificates are still valid, as {first_name} describes in {ticket}.",
        "Log volume from the {component} can spike during recovery, which is expected and usually "
        "subsides without action.",
        "Engineers {verb_past} the {artifact} after the last incident to reflect what actually "
        "happened.",
        "Keep {department} and the {stakeholder_role} informed while the mitigation is in "
        "progress.",
        "Do not delete stuck jobs directly from the database, because the {component} tracks them "
        "separately.",
        "Diagnostics collected in the first minutes are the most valuable, so gather them from "
        "the {component} before restarting anything.",
        "Health checks may report green while the {component} is degraded, so confirm with a real "
        "request.",
        "Ticket {ticket} tracks the work to remove the manual step described here.",
        "This procedure touches the {system_area}, so coordinate with anyone running migrations "
        "at the same time.",
        "A successful run leaves a marker file in the {environment}, which the next step uses as "
        "a safety check.",
        "If the queue keeps growing after consumers restart, look for a poison message near its "
        "head, as described in {ticket}.",
        "The rollback procedure was rehearsed during the {validation} and completed without "
        "surprises.",
        "Disk pressure on the {environment} tends to appear first in the {component} metrics.",
        "These instructions assume the standard deployment layout, and custom setups in the "
        "{environment} may need adjustment.",
        "The commands below are idempotent, so running them twice against the {environment} is "
        "harmless.",
        "Temporary feature flags used during mitigation must be removed once the proper fix is "
        "deployed, and {ticket} tracks that cleanup.",
        "Avoid bulk reprocessing of {data_kind} during the busiest business hours in {city} "
        "unless the impact is already severe.",
        "{person} added screenshots to each step {reason}.",
        "When the {service} service is degraded, the {system_area} falls back to cached responses.",
        "Every manual intervention should end with a note in {ops_tool} describing what changed.",
        "Check for expired tokens first, since they explain many of the authentication failures "
        "seen in the {system_area}.",
        "The {validation} in {month} revealed that this runbook was missing a verification step, "
        "which is now included.",
        "Alerting on the {component} for this condition was tuned in {quarter} to fire earlier "
        "and less often.",
        "Some steps require elevated permissions, which {first_name} or another approver grants "
        "temporarily through the access request portal.",
        "Run the verification query in {ops_tool} after each step rather than only at the end.",
        "The migration helper can resume from where it stopped, so an interrupted run on the "
        "{environment} does not need a full restart.",
        "If replication is lagging, pause writes from the {component} before touching the primary.",
        "This runbook is exercised {cadence} as part of the resilience programme.",
        "A known quirk of the {component} is that it logs success before the write is fully "
        "durable.",
        "Prefer draining traffic over killing instances, so in-flight requests through the "
        "{system_area} finish cleanly.",
        "Use the copy of the {service} service in the {environment} to try risky commands before "
        "running them for real.",
        "The diagrams in this runbook were refreshed after the {initiative} moved several "
        "components.",
        "Recovery is complete when the {metric} returns to its usual range and the backlog is "
        "empty.",
        "Once things are stable, open a follow-up ticket for any shortcut taken during the "
        "response, linking it to {ticket}.",
        "Do not rotate credentials for the {component} in the middle of an incident unless they "
        "are confirmed to be compromised.",
        "Clock skew between hosts in the {environment} has produced confusing timelines before, "
        "so compare timestamps carefully.",
        "A checklist form of these steps is pinned in the team wiki, and {first_name} keeps it in "
        "sync with this page.",
        "Capacity added during an incident should be reviewed the next working day and scaled "
        "back if unneeded, as the {document} explains.",
        "Searches in {ops_tool} across many services at once can be slow, so narrow the query to "
        "the {service} service first.",
        "If the {component} is stuck in a restart loop, check its configuration for recent "
        "changes.",
        "The {environment} mirrors production closely enough to reproduce most issues described "
        "here.",
        "When you finish, update {ticket} with the moment each mitigation took effect.",
        "Thanks to {person} {thanks_reason}, and several steps here came directly from that work.",
        "Restarting the whole cluster is rarely necessary and usually makes recovery of the "
        "{component} slower.",
        "Partial outages are harder to spot than full ones, so compare {metric} per region.",
        "Write down hypotheses as you test them in {ops_tool}, even the ones that turn out to be "
        "wrong.",
        "The batch jobs scheduled overnight can mask the symptoms described here, so check the "
        "{component} status too.",
        "Any data fix applied by hand to {data_kind} must be reviewed by a second engineer before "
        "it runs.",
        "We intend to retire this runbook {timeframe_phrase} once the {component} is replaced.",
        "Traffic shaping rules live in version control, so a revert is usually safer than a "
        "manual edit in {ops_tool}.",
        "Watch for memory growth in the {component} during long replays, and pause between "
        "batches if needed.",
        "Take a moment to read the recent deploy notes for the {service} service and the "
        "{component} before touching any configuration.",
    ),
    "incident": (
        "{person} facilitated the review in our blameless format, focusing on systems and "
        "decisions rather than individuals.",
        "The first alert fired on the {service} service, although the underlying problem started "
        "in the {component}.",
        "Responders initially suspected a network issue, which cost time before {first_name} "
        "shifted attention to the database.",
        "{person} acted as incident commander and kept the timeline updated throughout the "
        "response.",
        "Communication with support went well, and {first_name} had a holding statement ready "
        "early in the response.",
        "A recent configuration change in the {system_area} was the trigger, but several factors "
        "made the impact worse.",
        "Dashboards showed elevated {metric}, but the alert threshold was too loose to page "
        "anyone straight away.",
        "The rollback itself was quick once {person} made the decision, and most of the delay "
        "came from diagnosis.",
        "Several responders joined the call at once, which made coordination harder until "
        "{first_name} assigned roles.",
        "We have opened {ticket} to add a safeguard that would have prevented the trigger.",
        "{first_name} updated the status page regularly, and customer-facing teams said the "
        "rhythm felt right.",
        "No data was lost, although {first_name} had to reconcile some {data_kind} by hand "
        "afterwards.",
        "The {team} team {verb_past} the {artifact} as part of the follow-up work.",
        "Monitoring on the {component} covered the symptom but not the cause, which is the main "
        "gap {ticket} addresses.",
        "Retries from clients amplified the load on the {component}, slowing recovery.",
        "A similar pattern appeared in {quarter}, but it cleared before {first_name} could "
        "investigate.",
        "{first_name} spotted the correlation between the deploy and the error spike in "
        "{ops_tool}.",
        "Contributing factors included {risk} and a lack of clear ownership for the affected "
        "{component}.",
        "Action items are tracked in {ticket} and reviewed at the {meeting}.",
        "The problem did not affect payments, but it degraded several features in the "
        "{system_area}, which {department} noticed first.",
        "Responders followed the runbook for the {service} service, which {first_name} found "
        "accurate for most steps.",
        "One lesson from the response is that {lesson}.",
        "Our synthetic checks caught the problem before any customer reports arrived, and "
        "{first_name} confirmed the signal in {ops_tool}.",
        "The timeline below was reconstructed by {person} from chat history, deploy logs and "
        "alert records.",
        "The deploy that triggered the problem had passed every automated check in the "
        "{environment}.",
        "Capacity was not the issue here, because the {component} was waiting on a lock that "
        "never released.",
        "We will run the {validation} again {timeframe_phrase} to confirm the fix holds under "
        "load.",
        "Everyone involved agreed that the handling was calm and well organised, with "
        "{first_name} keeping notes even while the cause was unclear.",
        "Thanks to {person} {thanks_reason}.",
        "The affected region was isolated early by {first_name}, which kept the impact from "
        "spreading further.",
        "Follow-up work focuses on {improvement} and better visibility into the {system_area}.",
        "Our alert descriptions did not link to the right runbook, so {first_name} spent time "
        "searching {ops_tool} for it.",
        "This review was discussed at the {meeting} in {month}, and the action items were agreed "
        "there.",
        "Customer communications were drafted by support and checked by {person} before "
        "publication.",
        "The analysis used the five whys technique, and the working notes are attached to "
        "{ticket}.",
        "A feature flag allowed {first_name} to disable the failing path without a full rollback.",
        "Earlier tests in the {environment} had never exercised this combination of traffic and "
        "jobs in the {component}.",
        "Some alerts were silenced during the response, and {first_name} confirmed afterwards "
        "that all were re-enabled.",
        "{person} proposed classifying this as a process failure as much as a technical one.",
        "The response stayed focused because {first_name} moved side discussions to a separate "
        "thread.",
        "After the incident, engineers from the {team} team paired with the maintainers of the "
        "{service} service to review similar code paths.",
        "Data from {ops_tool} helped confirm exactly which requests were affected.",
        "A stale cache entry in the {component} kept serving the old configuration after the fix, "
        "which {ticket} now guards against.",
        "We found that two teams held different assumptions about the contract of the {component}.",
        "Recovery required {first_name} to replay {data_kind} from the queue, which was slower "
        "than anyone expected.",
        "The first warning from the {component} landed in a low-priority queue in {ops_tool}, so "
        "nobody was paged.",
        "The response highlighted gaps in our documentation for the {system_area}.",
        "Our status update template worked well, and {first_name} will reuse it for future "
        "incidents.",
        "Impact was limited to a subset of requests routed through the {system_area}.",
        "{first_name} shared draft findings with {department} and other affected teams before the "
        "review was finalised.",
        "A manual database change made during the response has since been codified in a migration "
        "tracked in {ticket}.",
        "The team decided not to add another alert, preferring to fix the existing one {reason}.",
        "Better tagging in {ops_tool} would have shortened the search for the failing dependency.",
        "This problem is related to earlier work on the {initiative}, which left a migration half "
        "finished.",
        "The {validation} planned for {month} will specifically target the failure mode seen here.",
        "Engineers outside the responding team offered help, and clear roles set by {first_name} "
        "kept that help useful.",
        "No security impact was identified, and the {stakeholder_role} confirmed this in writing.",
        "We reviewed whether the incident should have been declared earlier, and {person} "
        "concluded that it should.",
        "Follow-up actions were sized small so that each could be completed within a single "
        "sprint, starting with {ticket}.",
        "{first_name} later showed that automatic retries in the {component} masked the first "
        "symptoms.",
        "{person} wrote the first draft of this review, and {first_name} added the technical "
        "appendix.",
        "The fix was a one-line change to the {component}, but confirming it was safe took "
        "careful testing by {first_name}.",
        "{first_name} saw no correlation with traffic volume, which ruled out a capacity "
        "explanation early.",
        "{person} drew up a recovery plan that prioritised restoring writes, since reads were "
        "partially served from cache.",
        "Customer success managers contacted key accounts directly once {first_name} understood "
        "the cause.",
        "Responders noted that {concern} slowed them down during the investigation.",
        "A checklist for declaring incidents is being added to the {document}.",
        "Similar services were audited for the same misconfiguration, and {ticket} tracks the "
        "small fixes that were needed.",
        "The review was attended by engineering, support and the {stakeholder_role}.",
        "Logs from the {component} were too verbose to search quickly, so we are revisiting log "
        "levels.",
        "The shared dashboard for the {service} service has since gained the panels that "
        "{first_name} found missing.",
        "The symptoms are now documented in the runbook, thanks to {first_name}, so future "
        "responders recognise this pattern quickly.",
        "Improvements from this review will be checked {cadence} until every action item is "
        "closed.",
        "Colleagues from {department} in the {city} office noticed the problem before customers "
        "did.",
        "Our deployment tooling did not block the risky change, and {ticket} makes fixing that "
        "the top action item.",
        "A dependency upgrade in {month} had quietly changed default timeouts in the {component}, "
        "which nobody noticed.",
        "The incident commander role passed from {first_name} to {person} once during the "
        "response, and the transition went smoothly.",
        "Contract tests between the {service} service and its consumers are now being added under "
        "{ticket}.",
        "This review deliberately avoids naming individuals in the timeline, a convention "
        "{person} introduced for incident write-ups.",
        "We had practised a similar scenario in a tabletop exercise run by {person}, which helped "
        "responders stay oriented.",
        "Our main takeaway is that {lesson}.",
        "The partial failure meant health checks on the {component} passed while real traffic "
        "through the {system_area} failed.",
        "Queue consumers were scaled up during mitigation and returned to normal levels "
        "afterwards, as {first_name} verified.",
        "Finance confirmed that no invoices were generated incorrectly, and {first_name} double "
        "checked a sample of {data_kind}.",
        "Sharing the draft early with the {team} team surfaced a second contributing factor.",
        "{first_name} rolled back the most recent deploy of the {service} service after checking "
        "with {person}.",
        "{person} declared an incident and opened a call for responders.",
        "Error rates on the {service} service started climbing, and {first_name} noticed the "
        "change in {ops_tool}.",
        "Support reported a cluster of tickets describing slow pages in the {system_area}.",
        "{first_name} paused the scheduled batch jobs to reduce pressure on the database.",
        "Responders confirmed that the {component} had stopped processing new messages.",
        "{first_name} added a temporary banner to the status page while the investigation "
        "continued.",
        "{first_name} reverted the suspicious configuration change to the {component}, and "
        "traffic began to recover.",
        "Engineers drained traffic away from the unhealthy hosts and restarted the {component}.",
        "{person} took over communication with support so the responders could concentrate.",
        "Metrics for the {service} service returned to their usual range, and {first_name} moved "
        "the incident to monitoring.",
        "The team agreed to keep the feature flag disabled until the follow-up review, which "
        "{person} will chair.",
        "Responders noticed that the {metric} graph had been drifting upwards since the previous "
        "deploy.",
        "A second engineer, {person}, double checked the data fix before it was applied in "
        "production.",
        "The incident was closed by {first_name} after a quiet period with no new errors.",
    ),
    "api": (
        "All endpoints accept and return JSON encoded as UTF-8, in line with the {document}.",
        "The {api_concept} is documented in detail in the {document}.",
        "Clients should treat unknown fields as optional and ignore them safely, a rule "
        "{first_name} added after a partner integration broke.",
        "The {service} service exposed this API to internal consumers such as the {team} team "
        "first, and partner access followed later.",
        "Breaking changes are announced through the changelog feed well before they take effect, "
        "and {person} signs off each announcement.",
        "We recommend the official client library over hand-written HTTP calls, a lesson the "
        "{team} team learned the hard way.",
        "Timestamps are returned in UTC using the ISO format, and clients such as the "
        "{system_area} convert them for display.",
        "The {team} team {verb_past} the {artifact} for this API in {month}.",
        "Requests without a valid token are rejected at the gateway before they reach the "
        "{service} service, as {first_name} explains below.",
        "Use the sandbox for integration testing, since it resets periodically and holds only "
        "synthetic {data_kind}.",
        "The {api_concept} lets clients resume a listing without missing or repeating records.",
        "Every response includes a request identifier that support can use to trace a call "
        "through the {system_area}.",
        "Field names follow snake case, and enumerations are lower case strings, as agreed in the "
        "{document}.",
        "We avoid embedding business logic in clients such as the {system_area}, so the server "
        "remains the single source of truth.",
        "{person} maintains the examples in this reference and updates them after each release.",
        "New endpoints start in preview and graduate once at least two consumers, such as the "
        "{team} team, rely on them.",
        "The {service} service validates payloads strictly, so wrong types or unexpected fields "
        "in {data_kind} are refused.",
        "Long-running operations return immediately and report progress through a separate status "
        "resource, which {first_name} designed.",
        "Webhooks are delivered at least once, so consumers should deduplicate {data_kind} using "
        "the event identifier.",
        "Release {version} of the client library added support for the {api_concept}.",
        "Consumers are encouraged to subscribe to the changelog feed, as the {team} team does, to "
        "hear about deprecations early.",
        "This API follows the resource naming conventions agreed in the {document}.",
        "Partial updates use the PATCH method with a field mask, which avoids accidental "
        "overwrites of {data_kind}.",
        "Sorting of {data_kind} defaults to creation time, newest first, unless the request "
        "specifies otherwise.",
        "The internal gateway adds authentication context before forwarding requests from the "
        "{system_area} to the {service} service.",
        "Integration partners in {city} helped {first_name} shape the design of the bulk "
        "operations.",
        "Avoid polling for changes to {data_kind} where a webhook exists, because webhooks are "
        "cheaper for both sides.",
        "We publish an OpenAPI description generated from the same source as the server code, "
        "maintained by {person}.",
        "Every change to this API is discussed at the {meeting} before it is merged.",
        "Identifiers for {data_kind} are opaque strings, so clients should not parse or construct "
        "them.",
        "Monetary amounts are represented as integers in minor units with a currency code, "
        "following advice from {department}.",
        "Existing fields keep their meaning for the lifetime of the API, a promise {person} "
        "reaffirmed at the {meeting}.",
        "Some older endpoints still return XML, and {first_name} lists them in the migration "
        "guide.",
        "Batch requests are processed in order, and each item reports its own outcome, which the "
        "{team} team relies on.",
        "The {api_concept} was introduced {reason}.",
        "Consumers should send a descriptive user agent so that {first_name} can contact them "
        "about changes.",
        "Example requests in this reference use dummy credentials for the {environment} that will "
        "not work in production.",
        "We recommend setting client timeouts explicitly, since library defaults caused trouble "
        "for the {team} team.",
        "Filtering {data_kind} uses a small expression syntax, described with examples further "
        "down this page.",
        "Requests are logged without their bodies, so sensitive {data_kind} never end up in log "
        "storage.",
        "The {service} service publishes events whenever {data_kind} change, and several "
        "downstream teams subscribe.",
        "This reference is regenerated nightly, so changes merged by {first_name} and others may "
        "take a day to appear.",
        "Consumers in the {team} team were among the first to adopt the newer endpoints.",
        "Deprecated fields remain in responses until the sunset date announced in the changelog, "
        "which {person} maintains.",
        "Clients must not rely on the order of fields within a JSON object, a mistake the {team} "
        "team once made.",
        "Large exports of {data_kind} are delivered as files in object storage rather than as a "
        "single response.",
        "A compatibility test suite, written by {person}, runs against every release to catch "
        "accidental breaking changes.",
        "The {api_concept} is optional today but will become recommended for all new integrations.",
        "Our style guide, kept in the {document}, prefers nouns for resources and standard HTTP "
        "methods for actions.",
        "Headers used for tracing are forwarded unchanged to downstream services, including the "
        "{system_area}.",
        "{first_name} is collecting feedback on the draft design of the bulk operations for the "
        "{service} service.",
        "Partner developers can request sandbox credentials through the access request portal, "
        "and {first_name} approves them.",
        "Minor additions never require a new path prefix, so integrations built by the {team} "
        "team keep working.",
        "Null and absent fields mean the same thing in responses, which keeps clients such as the "
        "{system_area} simple.",
        "Each endpoint lists the permissions it requires, and tokens should be scoped as narrowly "
        "as the {stakeholder_role} recommends.",
        "The {service} service supports conditional requests, which save bandwidth for clients "
        "such as the {system_area}.",
        "The examples below use curl, and {first_name} has added equivalent snippets for the "
        "official libraries.",
        "Search endpoints return relevance-ordered {data_kind} and are not intended for full "
        "exports.",
        "Changes to {data_kind} are reflected in the API shortly after they are committed.",
        "Design discussions for this API happen in {channel}, and decisions are recorded in the "
        "changelog.",
        "An API review checklist is maintained in the {document} and applies to every new "
        "resource.",
        "Pagination is cursor-based because offset pagination behaved poorly on large collections "
        "of {data_kind}.",
        "The {api_concept} works the same way across all our public APIs, so learning it once "
        "pays off.",
        "Responses are compressed when the client indicates support, which helps consumers such "
        "as the {system_area}.",
        "We avoid overloading a single endpoint with many optional behaviours, following the "
        "{document}.",
        "Consumers should verify the webhook signature on every delivery before trusting its "
        "payload, as {first_name} reminds every new integrator.",
        "The {service} service returns stable ordering for paginated {data_kind}, even when new "
        "records arrive.",
        "Localised strings follow the language requested in the headers, and {first_name} "
        "coordinates the translations.",
        "The client libraries are generated from the specification and then hand-polished by "
        "{person} for ergonomics.",
        "Internal-only endpoints are documented separately in the {document} and are not covered "
        "by the public stability promise.",
        "Thanks to {person} {thanks_reason}, which also improved this reference.",
        "Before requesting a new endpoint, check with {first_name} whether an existing resource "
        "can be extended instead.",
        "A migration guide accompanies every deprecation and includes before-and-after examples "
        "written by {person}.",
        "Date ranges for {data_kind} are inclusive of the start and exclusive of the end.",
        "Event payloads carry the full resource, so consumers such as the {team} team rarely need "
        "a follow-up request.",
        "We plan to move the {service} service API behind the shared gateway {timeframe_phrase}.",
        "Test fixtures for common scenarios are published alongside the specification, and "
        "{first_name} keeps them current.",
        "In the sandbox, the {api_concept} behaves exactly as it does in production.",
        "API design for {data_kind} went through two review rounds with the consuming teams.",
        "Client code should handle new enumeration values gracefully instead of failing, as the "
        "{team} team discovered.",
        "Write operations echo the stored resource back, so clients can confirm exactly which "
        "{data_kind} were saved.",
        "Examples in several languages were contributed by engineers from {department}.",
        "Request bodies larger than a typical page of {data_kind} should use the batch import "
        "endpoint instead.",
    ),
    "team": (
        "Much of the group's current focus is the {initiative}, which runs through {quarter}.",
        "Written proposals are preferred over long meetings, and {first_name} usually starts a "
        "decision as a short doc.",
        "Requests should come with context on impact and timing, which {first_name} says makes "
        "prioritising much easier.",
        "Earlier this year the group {verb_past} the {artifact}, and it has been kept up to date "
        "since.",
        "{person} from {department} has been helping the group with {topic} this quarter.",
        "The team was formed in {year} when the platform group split, and {first_name} was among "
        "the first members.",
        "Pairing is common here, especially when someone is new to the {system_area}.",
        "A team charter is pinned at the top of the wiki space and reviewed {cadence}.",
        "Historically the group focused on internal tooling, but its remit has grown to include "
        "{topic}.",
        "Work in progress is kept deliberately low, a habit {first_name} brought over from "
        "{department}.",
        "Demos are open to the whole company, and colleagues from {department} often drop in.",
        "The group values {practice} and has written about it for the {forum}.",
        "Working agreements, drafted by {person}, cover code review expectations, meeting-free "
        "blocks and how to ask for help.",
        "Colleagues are spread across time zones, so {first_name} pushes hard for written updates.",
        "Roadmap items are tracked in {tool}, and a summary goes to stakeholders each month.",
        "Retrospectives rotate facilitators so that everyone practises the role, and {first_name} "
        "keeps track of whose turn it is.",
        "{first_name} has been driving the work on {topic} since {month}.",
        "Right now the team worries most about {risk}, as recorded on its risk register.",
        "Interns who join the group usually start with small improvements to the {component}.",
        "Maintainers of the {service} service and this team meet {cadence} to align priorities.",
        "Knowledge sharing is a priority, so the team records short walkthroughs of tricky areas "
        "such as the {component}.",
        "Shipped work is celebrated at the {forum} rather than only at the end of the quarter.",
        "A recent survey showed that the team wants {improvement}, so that is on the plan for "
        "{quarter}.",
        "A glossary for {topic} kept by the team has started to spread to other groups.",
        "Decisions that affect other teams are recorded as decision records in {tool} and linked "
        "from the team page.",
        "The group moved to a shared board in {tool} {reason}.",
        "Members of the team regularly mentor colleagues in {department}.",
        "Team rituals are intentionally light and get reviewed whenever they start to feel like "
        "overhead, usually prompted by {first_name}.",
        "Some of the team's earliest work shaped the {document}, which is still widely used.",
        "Experience in {topic} is in demand here, and referrals are always welcome.",
        "During {quarter} the team spent most of its time on {topic} and the {initiative}.",
        "The team keeps a public backlog in {tool} so that other groups can see what is coming "
        "next.",
        "Cross-training means no single person is the only one who understands the {component}.",
        "Our code name came from a shortlist suggested during the {event}.",
        "{person} and {first_name} recently presented the team's approach to {topic} at the "
        "{forum}.",
        "Goals are agreed {cadence} together with the {stakeholder_role}.",
        "Quiet focus time matters to the group, so most collaboration on {topic} happens "
        "asynchronously.",
        "Newcomers get a reading list that covers the {system_area} and the history of the "
        "{component}.",
        "Over the past year the group {verb_past} most of its legacy scripts.",
        "The team's documentation for the {component} lives next to the code, which keeps it "
        "honest.",
        "Small, frequent releases are preferred here over large coordinated launches, especially "
        "for the {system_area}.",
        "The {team} team organised the {event} this year and plans to do it again.",
        "When priorities conflict, the team refers back to its charter and to the company goals "
        "for {year} on {topic}.",
        "Feedback from {customer_segment} regularly informs what the group builds next.",
        "Much of the tooling built here, including helpers for the {component}, is shared openly "
        "with other teams.",
        "After each launch, {first_name} or someone else writes a short note describing what the "
        "team learned.",
        "The group tracks its own {metric} and discusses the trend at each monthly review.",
        "A skills matrix was drawn up {reason}.",
        "Members often volunteer for cross-team projects such as the {initiative}, which keeps "
        "the group connected.",
        "A recent reorganisation moved the {component} into the team's remit.",
        "The roadmap is reviewed with {department} {cadence}.",
        "A short weekly note from {first_name} summarises progress, risks and any help needed.",
        "Thanks to {person} {thanks_reason}, the team started the quarter in good shape.",
        "An experiment with {practice} in {quarter} went well enough that it became the default.",
        "Where possible, the team automates repetitive chores, and {first_name} recently scripted "
        "the cleanup of {data_kind}.",
        "Team health checks happen {cadence}, and the results are discussed openly.",
        "Recent additions to the group came from backgrounds in {topic} and {department}.",
        "A list of good first tasks for newcomers is kept in {tool}.",
        "The main stakeholders of the team are {department} and the {stakeholder_role}.",
        "The team has committed to {improvement} by the end of {quarter}.",
        "A few long-standing members remember the original design of the {system_area}.",
        "The group ran an internal workshop on {skill} that was very well attended.",
        "Slack is intentionally left in each cycle for unplanned work and for learning about "
        "{topic}.",
        "The team wiki includes a section on {topic} written for non-specialists.",
        "Partner teams in {department} describe the group as responsive, careful and easy to work "
        "with.",
        "Technical direction for {year} emphasises {practice} and {improvement}.",
        "A shared calendar in {tool} shows who is travelling so that meetings can be planned "
        "around it.",
        "Decisions get written down within a day of being made, usually by {first_name} or "
        "whoever chaired the discussion.",
        "In {month} the team reorganised its backlog in {tool} around outcomes rather than "
        "features.",
        "Anyone who wants to collaborate with the group is encouraged to read the charter and "
        "talk to {first_name} first.",
        "Several of the group's incidents in {year} traced back to {risk}.",
        "The {team} team and this group co-sponsor the {forum} and take turns curating its agenda.",
        "The team keeps an open list of ideas in {tool} that are not yet prioritised, and anyone "
        "may add to it.",
        "Past projects include the {initiative} and a rework of the {component}.",
        "Code review here aims for kindness and speed, in that order, a motto {first_name} likes "
        "to repeat.",
        "The group borrowed its retro format from the {team} team and adapted it over time.",
        "Design work usually starts with a short problem statement shared with {department}.",
        "Lately the group has been {skill} more often, with help from the {stakeholder_role}.",
        "Conference talks on {topic} are supported whenever someone has something worth sharing.",
        "Most of the group's dashboards were rebuilt in {year} around the {metric} they care "
        "about.",
    ),
    "office": (
        "The {city} office has a relaxed atmosphere, and visitors often comment on the light in "
        "{office_place}.",
        "Please book meeting spaces through the room booking app and cancel promptly if plans "
        "change, as {first_name} keeps reminding us.",
        "{office_place} is a shared space, so please tidy up after using it.",
        "The office team refreshed the {amenity} in {month} after feedback from the last survey.",
        "Cleaning happens in the evenings, so please clear desks near {office_place} of personal "
        "items before leaving.",
        "{person} coordinates social events here and welcomes suggestions for the {event}.",
        "The {city} office hosts the {event} every year, which draws colleagues from other "
        "locations.",
        "Quiet zones are marked with signs, and longer calls should move to {office_place}.",
        "The coffee machines are serviced regularly, but please report faults through "
        "{workplace_tool}.",
        "Facilities added more {amenity} {reason}.",
        "Recycling is sorted into separate bins, and {first_name} put up the sorting guide next "
        "to each station.",
        "Desks are not assigned, so please take personal belongings home and leave {office_place} "
        "tidy too.",
        "{office_place} was renovated in {year} with input from the colleagues who use it most.",
        "Please keep {office_place} clear of boxes, since it doubles as an emergency route.",
        "Plants around {office_place} are cared for by an external service, so there is no need "
        "to water them.",
        "The {city} office welcomes well-behaved dogs on some days, so check with {first_name} "
        "before bringing one.",
        "Temperature in the open areas is controlled centrally, although {office_place} has its "
        "own thermostat.",
        "Colleagues visiting from other offices are welcome to use any free desk, and "
        "{first_name} can show them around.",
        "Snacks are restocked {cadence}, and dietary requests can be logged with the office team.",
        "The office team in {city} is experimenting with {amenity} in {office_place}.",
        "Noise has been a recurring topic in feedback, so acoustic treatment is being added near "
        "{office_place}.",
        "Bike storage near {office_place} is secure but shared, so please do not leave bikes "
        "there during long trips.",
        "The {event} will take over {office_place} for the afternoon, so plan meetings elsewhere.",
        "Office improvements for {year} focus on {amenity} and better spaces for video calls.",
        "A shared printer sits near {office_place}, and documents should be collected promptly.",
        "The building management company looks after the lifts, heating and shared entrances, "
        "while {first_name} from the office team handles everything inside.",
        "Please report any maintenance issue through {workplace_tool} rather than by email so it "
        "can be tracked.",
        "The layout of the {city} office mixes focus areas with collaborative spaces such as "
        "{office_place}.",
        "First aid kits are kept in {office_place} and near each kitchen.",
        "A mural by a local artist was added to {office_place} in {month}.",
        "The facilities desk in {city} can help with keys, small repairs and {amenity}.",
        "Security badges must be worn visibly inside the office at all times, including in "
        "{office_place}.",
        "The {city} office opened in {year} and has grown steadily since.",
        "Please leave {office_place} as you found it, especially after evening events.",
        "Visitors from {customer_segment} are usually hosted in {office_place}.",
        "The kitchen is stocked with basics, and {first_name} welcomes suggestions for new items.",
        "Window blinds were replaced across the office in {month} {year} after complaints about "
        "glare on screens.",
        "In a survey run in {month}, {percent} of respondents asked for more {amenity}.",
        "Wellbeing sessions take place in {office_place} {cadence}, run by external coaches.",
        "Bulky deliveries arrive through {office_place}, not through the main entrance.",
        "The {city} office is a good base for visits to {customer_segment} in the surrounding "
        "region.",
        "Catering for internal events such as the {event} is arranged through the office team, "
        "who know the preferred suppliers.",
        "Monitors and docks at shared desks were standardised by IT in {year}, so any laptop "
        "should connect without adapters, as {first_name} can confirm.",
        "Thanks to {person} {thanks_reason}, the office felt welcoming during a busy launch week.",
        "{office_place} gets busy around lunchtime, so consider eating a little earlier or later.",
        "Any furniture changes near {office_place} need to be agreed with facilities so that "
        "walkways stay clear.",
        "The {event} raised money for a local charity chosen by colleagues in {city}.",
        "Energy use in the office dropped by {percent} after motion sensors were installed on the "
        "lights.",
        "Please return shared {amenity} to their usual place after use.",
        "The office team publishes a short newsletter for {city} covering events such as the "
        "{event}.",
        "Building works planned for {month} may cause some noise near {office_place}.",
        "Accessibility improvements in {year} included automatic doors, clearer signage and "
        "better access to {office_place}.",
        "Umbrellas can be borrowed from the stand by the entrance on rainy days, thanks to "
        "{first_name}.",
        "Everyone is welcome to use {office_place} for informal conversations with colleagues.",
        "A piano in {office_place} was donated by a former colleague and is tuned occasionally.",
        "Visitors from {customer_segment} must be accompanied in working areas and signed out "
        "when they leave.",
        "Our {city} office shares its building with other companies, so please be considerate in "
        "{office_place}.",
        "Phone booths near {office_place} can be used without booking for calls of a reasonable "
        "length.",
        "Feedback about the office can be shared anonymously through a form linked from "
        "{workplace_tool}.",
        "The office team coordinates with {department} on equipment requests for new joiners.",
        "Office plants, artwork and signage were chosen by {first_name} and others to reflect the "
        "city around us.",
        "Reusable cups are provided, and disposable ones are being phased out {timeframe_phrase}.",
        "{office_place} is reserved for preparations during the week of the {event}.",
        "Video conferencing kits in the larger rooms were upgraded {reason}.",
        "Spare chargers and adapters are kept in {office_place} for anyone who forgets theirs.",
        "Colleagues with accessibility needs can request adjustments through the office team at "
        "any time, and {person} follows up personally.",
        "A new sign-in kiosk, chosen by {first_name}, replaced the paper visitor book in {month}.",
        "Shared desks near {office_place} tend to fill first, so arrive early if you prefer that "
        "area.",
        "Plans for {office_place} were shared at the {meeting} and received broad support.",
        "Colleagues are asked to keep noise down near {office_place} during client visits.",
        "The roof garden is maintained by volunteers from the {team} team and anyone else who "
        "wants to help.",
        "A small library of design and engineering books sits near {office_place}, and borrowing "
        "is on trust.",
        "Lighting near {office_place} was changed to warmer tones after colleagues in {city} "
        "asked for it.",
        "Recurring requests are tracked in {workplace_tool} to decide what to improve next.",
        "Cycling to the office has become popular, so {first_name} pushed for the shower rooms to "
        "be refurbished in {year}.",
        "Local cafes near the {city} office offer small discounts to staff, a deal {first_name} "
        "arranged.",
        "Visitors heading to {city} can ask {first_name} in the local office team for "
        "accommodation and transport tips.",
        "Air quality sensors were fitted in {office_place} as part of the {initiative}.",
        "The cleaning schedule was adjusted in {month} so that crews work around late meetings in "
        "{office_place}.",
        "Seasonal decorations are put up by volunteers around {office_place} and taken down "
        "promptly afterwards.",
    ),
    "directory": (
        "This register is generated from the system used by {department} and refreshed "
        "automatically every night.",
        "Entries are reviewed {cadence} by {department} to keep them accurate.",
        "If an entry looks wrong, raise it through {workplace_tool} rather than editing the "
        "export.",
        "Each row names an owner who can answer questions about that entry, as {department} "
        "requires.",
        "The table below is the authoritative list, and copies elsewhere, such as in the "
        "{document}, may be out of date.",
        "{first_name} suggested adding a notes column, which now appears on every row.",
        "Entries are sorted alphabetically to make scanning easier, at the suggestion of "
        "{first_name}.",
        "New entries appear on the next refresh after {department} approves them.",
        "Archived entries are kept in a separate view, which {first_name} set up so that history "
        "is not lost.",
        "This page was redesigned by {first_name} in {quarter} {year} with faster search and "
        "clearer columns.",
        "Please do not export this register to personal spreadsheets, because copies drift "
        "quickly, as {department} has learned.",
        "Integration with {workplace_tool} keeps names consistent across systems.",
        "Changes to this list are announced at the {forum} when they affect many people.",
        "{person} maintains this register for {department} and welcomes corrections.",
        "A short summary of recent changes sits at the top of this page, written by {first_name} "
        "after each update.",
        "The columns shown here were agreed with {department} and the {stakeholder_role}.",
        "Data in this register is used only for internal purposes, and {department} never shares "
        "it outside {org}.",
        "Entries without an active owner are flagged for {department} to review rather than "
        "removed automatically.",
        "The register replaced a set of spreadsheets that {person} found had grown inconsistent "
        "over the years.",
        "Search works on every column, so partial names are usually enough to find an entry, as "
        "{first_name} points out.",
        "An audit by {department} in {month} removed several duplicate entries and merged "
        "overlapping ones.",
        "Some entries link to further detail in the {document}.",
        "Questions about a specific entry are best directed to the owner named in its row rather "
        "than to {department}.",
        "The register is one of the most visited internal pages, and {department} treats accuracy "
        "here as a priority.",
        "Columns that nobody used were removed by {first_name} in {year} to keep the table "
        "readable.",
        "The source data lives in {workplace_tool}, and this page is a read-only view of it.",
        "Entries are reconciled with finance records {cadence}.",
        "A glossary of the abbreviations used in this register, compiled by {first_name}, is "
        "linked at the bottom of the page.",
        "When an owner changes teams, their entries are reassigned as part of the {process} "
        "process.",
        "Requests to add a new entry go through {workplace_tool}, where {department} reviews them.",
        "This register follows the same structure as the other registers maintained by "
        "{department}.",
        "Historical entries older than the current cycle are available on request from "
        "{department}.",
        "{first_name} and colleagues in {department} tested the new layout before launch.",
        "The page is designed to print cleanly on a single sheet for meetings such as the "
        "{meeting}.",
        "Feedback on the register design can be shared with the {team} team through {ticket}.",
        "Entries marked as provisional are still being confirmed by {department} with the "
        "relevant owner.",
        "Where two entries look similar, check the notes column before choosing one, or ask "
        "{first_name}.",
        "This list complements the {document}, which explains the policy behind it.",
        "A nightly job compares this register with {workplace_tool} and reports any mismatches.",
        "Each year this list is reviewed as part of the {process} process.",
        "Pages maintained by {department} link here so that everyone uses the same list.",
        "We keep this page deliberately plain so that it loads quickly and reads well on phones, "
        "a request from {department}.",
        "Some entries are shared between the {city} office and others, and {first_name} keeps the "
        "notes column accurate.",
        "Owners receive a reminder {cadence} to confirm that their entries are still correct.",
        "Corrections reported by colleagues in {city} were applied in {month}.",
        "Entries that are being retired stay visible, marked as such, until {department} confirms "
        "the change is complete.",
        "The format of this register was agreed at the {meeting} in {year}.",
        "Please check this list before starting a new request in {workplace_tool}, since what you "
        "need may already exist.",
        "Entries are grouped only by name, because groupings by team kept changing during the "
        "{initiative}.",
        "The register is part of the wider {initiative} to tidy up shared reference data.",
        "Access to edit the source data is limited to a small group in {department}.",
        "Comments on individual entries can be left in {workplace_tool}, where owners will see "
        "them.",
        "This table is also available through an internal API for tools such as {workplace_tool} "
        "that need the same data.",
        "Each change to the register is logged, so {department} can always see who edited what.",
        "Rows change as the organisation changes, so bookmark the page rather than saving a copy, "
        "as {first_name} advises.",
        "The owner column shows a named person rather than a team, so that questions always reach "
        "someone, an idea from {first_name}.",
        "A quarterly clean-up run by {department} removes entries that nobody has touched for a "
        "long time.",
        "{person} led the migration of this register from the old spreadsheet format.",
        "Links in the notes column point to contracts, manuals or course pages where relevant, "
        "and {first_name} checks them for dead links.",
        "If you are unsure whether an entry applies to you, ask the owner listed in its row or "
        "the {stakeholder_role}.",
        "The register was simplified after the {meeting} found that most columns were rarely read.",
        "Every entry has a unique name, which is what documents such as the {document} should use "
        "to refer to it.",
        "We plan to add a history view {timeframe_phrase} so that past changes are easier to "
        "follow.",
        "Owners are encouraged to keep the notes column short and factual, following the "
        "{document}.",
        "This page draws on the same source of truth as the reports produced by {department}.",
        "Entries relevant to the {city} office are also shown on the local office page, which "
        "{first_name} maintains.",
        "Requests for bulk changes should be coordinated with {person} to avoid conflicting edits.",
        "Plain language is used throughout so that colleagues outside {department} can follow it.",
        "Spot checks by the {stakeholder_role} confirmed that the data matches the source system.",
        "Some older entries carry legacy names, kept for continuity with past reports from "
        "{department}.",
        "We welcome suggestions for new columns, as long as someone in {department} is willing to "
        "keep them current.",
        "Colleagues new to {department} often find this register a useful map of how things fit "
        "together.",
        "An overview of similar registers is available in the {document}.",
        "Each row reflects the source system at the last refresh, and {first_name} investigates "
        "any mismatch.",
        "The layout was tested with screen readers as part of the {initiative}.",
        "Please flag entries that look out of date to {department}, even if you are not sure of "
        "the correct value.",
    ),
    "handbook": (
        "This handbook describes how things work at {org}, and {first_name} updates it as we "
        "learn.",
        "We write things down because written context scales better than hallway conversations, "
        "as {person} likes to say.",
        "Anyone can propose a change to this handbook by opening a ticket in {workplace_tool} or "
        "commenting on the page.",
        "Our default is to share information openly inside the company, and {department} explains "
        "the few exceptions.",
        "The section on {topic} was expanded in {year} after many questions from new joiners.",
        "{person} wrote the original text of this chapter, and many people have improved it since.",
        "When priorities conflict, we discuss trade-offs openly with the {stakeholder_role} "
        "instead of quietly doing both badly.",
        "The {document} complements this handbook with practical detail for specific roles.",
        "We trust people to manage their own time, and {first_name} from {department} often says "
        "clear communication is the only condition.",
        "Everyone is responsible for security, not only the people with it in their job titles, "
        "as the {stakeholder_role} often reminds us.",
        "We ask that documents start with a short summary, a habit {first_name} championed, so "
        "busy readers can decide whether to read on.",
        "The handbook is organised by topic, and {person} coordinates the maintainers who review "
        "changes.",
        "The history of our approach to {topic} is kept at the end of this page.",
        "Inclusive language is expected in all writing, and the {document} includes examples "
        "collected by {first_name}.",
        "We aim for {outcome} by investing in good tooling and shared habits.",
        "New ideas are tried as small experiments before they become company-wide practice, as "
        "happened with {practice}.",
        "The handbook avoids jargon where possible, and a glossary maintained by {first_name} "
        "covers the terms we cannot avoid.",
        "This chapter was reviewed by colleagues from {department} and engineering before "
        "publication.",
        "We publish the reasoning behind major changes at the {forum} so that everyone can follow "
        "along.",
        "The handbook draws on lessons from the early days of {org}, which {person} remembers "
        "well.",
        "Transparency does not mean sharing personal data, and the {stakeholder_role} can explain "
        "where the lines are.",
        "The best place to discuss a handbook change is the comment thread on the page, which "
        "{first_name} monitors.",
        "We try to keep processes lightweight and remove them when they stop helping, as happened "
        "with the old {process} process.",
        "Teams choose their own tools within a small set of shared standards described in the "
        "{document}.",
        "The {initiative} shaped several sections of this handbook, especially around planning.",
        "If something in this handbook does not match how things actually work, please tell "
        "{person}.",
        "This handbook is read by candidates too, so {department} makes sure it describes how we "
        "really operate.",
        "{first_name} suggested adding practical examples to each section, which made the text "
        "far more useful.",
        "Good intent is assumed throughout, and the focus is on shared expectations, an approach "
        "agreed with {department}.",
        "Good documentation is considered part of finishing the work, a point the "
        "{stakeholder_role} makes in every review.",
        "Colleagues in {city} translated key chapters to support local new joiners, with "
        "{first_name} checking each one.",
        "We expect managers to explain the reasons behind decisions, and {department} offers "
        "coaching on how to do it well.",
        "A full review of the handbook happens {cadence}, with smaller edits happening "
        "continuously.",
        "We try to make the easy path the secure path, an idea the {stakeholder_role} has "
        "championed for years.",
        "The chapter on {topic} links to training material maintained by {department}.",
        "The handbook started as a single page written by the founders, and {person} turned it "
        "into the current structure.",
        "Where a practice in the {city} office differs from elsewhere, {first_name} makes sure "
        "the handbook notes it.",
        "Default to open channels for work discussions, such as {channel}, so that others can "
        "learn from them.",
        "Handbook edits are announced at the {forum} when they change expectations.",
        "A tradition since {year} is that new joiners suggest one improvement to this handbook to "
        "{first_name}.",
        "The rules in this section are short on purpose, and the pages linked from "
        "{workplace_tool} carry the detail.",
        "Most of what follows applies to every office, though local law in {city} occasionally "
        "adds requirements that {department} tracks.",
        "If a rule here feels unclear, ask the {stakeholder_role} rather than guessing.",
        "The wording below was checked with {department} so that it matches how things work in "
        "practice.",
        "Examples in this section come from real questions people have asked {department} over "
        "the past year.",
        "The systems mentioned here, such as {workplace_tool}, are the places where requests are "
        "recorded.",
        "This part of the handbook is updated by {first_name} whenever the underlying policy "
        "changes.",
        "Questions that come up often in {channel} are added to the frequently asked questions at "
        "the end.",
        "Requests covered by this section are logged in {workplace_tool} so that nothing depends "
        "on someone remembering.",
        "Managers receive a short briefing from {department} whenever the guidance in this "
        "section changes.",
        "The goal of this section, as {first_name} wrote in the first draft, is to make the "
        "common cases easy and the unusual cases clear.",
        "Earlier editions of this chapter were longer, and {person} cut them down to what people "
        "actually need.",
        "{person} from {department} is the maintainer of this chapter and welcomes corrections.",
        "Colleagues in {city}, including {first_name}, suggested several of the practical notes "
        "in this section.",
        "Nothing here replaces a conversation with your manager or the {stakeholder_role} when a "
        "situation is unusual.",
        "Terms used in this section follow the definitions in the {document}.",
        "We revisit this guidance after the {process} process changes, since the two are linked.",
        "This section is deliberately written in plain language, and {department} checked that "
        "nothing was lost in simplification.",
        "The tools referred to in this chapter, including {workplace_tool}, are listed with links "
        "at the bottom of the page.",
        "Feedback on this chapter is reviewed {cadence} by the people who maintain it.",
        "This handbook applies to everyone at {org}, including leadership and the "
        "{stakeholder_role}.",
        "We prefer {practice} as a way to keep everyone informed without extra meetings.",
        "Wellbeing is a shared responsibility, and {department} supports managers in checking "
        "workload during regular conversations.",
        "Asking for help early is a sign of good judgement rather than a failure, and "
        "{first_name} says so to every new joiner.",
        "Long email threads should move to a short call or a written proposal in {workplace_tool} "
        "once they stop converging.",
        "Sustainable pace matters more than heroics, and the {stakeholder_role} plans with that "
        "in mind.",
        "Courtesy in reviews is expected, so comment on the work rather than the person, as the "
        "{document} puts it.",
        "Everyone should feel able to take time to learn {skill}, even when deadlines are tight.",
        "We measure success by {outcome} rather than by hours spent at a desk.",
        "Small teams with clear goals tend to outperform large teams with vague ones, which is "
        "why {department} is organised the way it is.",
        "The chapter you are reading was last reorganised during the {initiative}.",
        "Colleagues from {department} discuss proposed changes to this chapter in {channel}.",
        "Reading this section once is usually enough, and the summary written by {first_name} is "
        "there for later reference.",
        "This handbook links to forms in {workplace_tool} rather than reproducing them, so the "
        "forms stay current.",
        "Where a rule has a history, {first_name} keeps the reasoning in a short note so that "
        "context is not lost.",
        "Most requests described here are handled in {workplace_tool}, which keeps a record of "
        "every decision.",
    ),
    "meeting": (
        "{person} opened the meeting with a quick recap of last week's actions.",
        "Attendees agreed to move the review of the {deliverable} to {weekday} so more people "
        "could attend.",
        "{first_name} shared an update on the {initiative}, which is {status}.",
        "Action: {person} to {action} before the next session.",
        "Most of the discussion focused on {topic} and how it affects the {system_area}.",
        "We agreed that the {artifact} needs another pass before it goes to the "
        "{stakeholder_role}.",
        "{person} raised concerns about {risk}, and the group asked for a short written proposal.",
        "The {team} team reported progress on the {component}, with the remaining work tracked in "
        "{ticket}.",
        "No decision was reached on {topic}, so it carries over to the next agenda.",
        "Attendance was good, and a couple of colleagues from {department} joined as guests.",
        "The demo of the {deliverable} went well, and several people asked for access to try it.",
        "{first_name} will circulate the notes and the recording in {channel} later today.",
        "The group reviewed {metric} for the last month and agreed the trend is acceptable for "
        "now.",
        "A short discussion about {concern} ended with an agreement to gather more data first.",
        "Decision: the {team} team will pause work on the {component} until the {validation} is "
        "complete.",
        "Thanks were given to {person} {thanks_reason}.",
        "Everyone agreed to keep the next meeting short and focused on the open risks around the "
        "{component}.",
        "The {stakeholder_role} asked for clearer success criteria on the {initiative}.",
        "{person} walked through the {artifact} and invited comments by {weekday}.",
        "Priorities for {quarter} were confirmed, with {topic} at the top of the list.",
        "There was broad support for trying {practice} for the next few sprints.",
        "Follow-up: {first_name} to {action} and share the result with the group.",
        "The group noted recurring complaints about {concern} and agreed to tackle them directly.",
        "An update from {department} covered hiring progress, budget timing and upcoming reviews.",
        "The {meeting} in {month} will revisit this topic with more data.",
        "{person} proposed splitting the {deliverable} into two smaller pieces, and nobody "
        "objected.",
        "Notes from this session are stored in {tool} alongside the earlier ones.",
        "We spent the last ten minutes on open questions about {topic} carried over from the "
        "previous week.",
        "The team discussed whether the {adjective} option was worth the extra effort and decided "
        "it was.",
        "Risks discussed included {risk} and the timing of the {event}.",
        "{first_name} noted that {tool} has become the main source of truth for this work.",
        "We agreed to revisit the decision {timeframe_phrase} if the numbers do not improve.",
        "The {team} team will present its findings at the {forum}.",
        "Minutes were taken by {person}, and corrections are welcome as comments.",
        "A quick round of updates showed most workstreams are {status}.",
        "Next steps are to {action} and to confirm an owner for each follow-up.",
        "A warm welcome went to {person}, who is visiting from the {city} office this week.",
        "Discussion of the {process} process was postponed because the key people were absent.",
        "The proposal to {action} was accepted with minor changes.",
        "{person} summarised the customer feedback from {customer_segment} collected this month.",
        "Agenda items not covered today will be handled asynchronously in {channel}.",
        "We reviewed the status of {ticket} and agreed it can be closed.",
        "The steering group for the {initiative} will meet {cadence} until launch.",
        "There was a lively debate about {topic}, captured in detail in the appendix.",
        "The meeting ran slightly over because of the discussion on the {component}.",
        "{first_name} reminded everyone to update their tickets before the {meeting}.",
        "Several people asked for {improvement}, which will be scoped next sprint.",
        "The outcome of the {validation} was positive, with only minor follow-ups.",
        "We agreed the {deliverable} can go out once the {stakeholder_role} signs off.",
        "Feedback on the draft of the {document} was mostly about structure rather than content.",
        "The group decided against building a custom tool and will extend {tool} instead.",
        "{person} will pair with {first_name} on the remaining work for the {component}.",
        "An open question remains about who should maintain the {artifact} in the long term.",
        "The figures presented for {metric} will be double checked before they are shared more "
        "widely.",
        "Today's session started late because the {meeting} in the same room overran.",
        "By the end of the discussion, everyone agreed that {lesson}.",
        "The {team} team asked for help from {department} on the procurement side.",
        "Parking lot: {topic}, to be picked up when there is more time.",
        "The group approved the plan to {action} {timeframe_phrase}.",
        "{person} gave a short overview of the {system_area} for those new to the area.",
        "It was noted that the {event} will reduce availability that week, so deadlines were "
        "adjusted.",
        "We reviewed the risk register for the {initiative} and closed a couple of items that no "
        "longer apply.",
        "{first_name} was asked to draft the {deliverable} with input from support.",
        "Decision: new work on the {system_area} will default to {practice}.",
        "A guest from the {team} team explained how they approached {topic}.",
        "All retro actions from last month are now complete, thanks largely to {first_name}.",
        "{person} will report back on the {validation} results at the next meeting.",
        "The meeting closed with a reminder about the {event} and how to sign up.",
        "Attendees agreed the current plan is realistic, although concerns about {risk} remain.",
        "The update from {department} highlighted upcoming changes to the {process} process.",
        "Time was set aside to review the dashboard for {metric} together.",
        "{first_name} asked for volunteers to test the {deliverable} in the {environment}.",
        "The group reviewed the comments on {ticket} and agreed on a compromise.",
        "No new risks were raised this week, which {first_name} called a welcome change.",
        "Outcome: the {artifact} is approved and moves to implementation.",
        "{person} highlighted early signs of {outcome} after the recent changes.",
        "{first_name} suggested moving this meeting to a fortnightly rhythm, and the team will "
        "try it from {month}.",
        "The recording is available for anyone who missed the session, linked from {tool}.",
        "There was agreement that the {component} needs clearer ownership before further changes.",
        "A brief update on planning for the {event} was given by {person}.",
        "{first_name} will set up a follow-up with the {stakeholder_role} to close the open "
        "points.",
        "Questions from the chat were answered at the end, and {first_name} added them to these "
        "notes.",
        "We agreed that dates for the {deliverable} depend on the outcome of the {validation}.",
        "Several action items from the previous meeting were reassigned to {first_name} because "
        "of holidays.",
        "Consensus was reached on naming, and the {team} team will update the docs to match.",
        "Briefly, we discussed how the {initiative} will affect {customer_segment}.",
        "{person} recapped the decisions from the {meeting} for those who could not attend.",
        "There were no objections to retiring the {artifact} once the new process is live.",
        "A show of hands favoured the {adjective} rollout, with a review after the first week.",
        "Action for everyone: read the {document} before the next session.",
        "The group questioned whether the data in {tool} is reliable enough to base decisions on "
        "and agreed to spot check it.",
        "{first_name} demonstrated the new workflow in {tool}, which was well received.",
        "The budget discussion was deferred to the {meeting} later this month.",
        "Progress on {ticket} has been slower than planned because of {concern}.",
        "The team agreed on a trial period for the new {artifact} template and will gather "
        "feedback afterwards.",
        "Support shared a few recurring themes from recent tickets, all related to {topic}.",
        "The group noted good progress on {improvement} over the last few weeks.",
        "{person} and {first_name} will co-facilitate the next session.",
        "Key takeaway: the {team} team needs a decision on the {component} by the end of {month}.",
        "The discussion about {topic} will continue in a smaller group to save everyone's time.",
        "An update on the {city} pilot showed encouraging early results from {customer_segment}.",
        "We closed by confirming the owner and due date for each action item, with {person} "
        "keeping track.",
        "Someone suggested inviting the {stakeholder_role} to the next session, and the group "
        "agreed.",
        "Extra work done over the weekend on the {component} was acknowledged, with a request for "
        "better planning next time.",
        "Meeting notes will now follow the shared template in {tool} so that actions are easier "
        "to track.",
        "{person} shared a draft timeline for the {initiative} that will be refined "
        "{timeframe_phrase}.",
        "Two alternatives for the {component} were compared, and the simpler one was preferred.",
        "The team reviewed feedback from the {event} and picked three improvements for next time.",
        "There is still uncertainty about the dependency on the {service} service, so "
        "{first_name} scheduled a spike.",
        "{first_name} volunteered to write up the decision on {topic} as a short record.",
        "We ended early for once, which everyone appreciated after a busy week of work on the "
        "{initiative}.",
        "{person} reminded attendees that decisions are only final once they appear in the notes.",
        "Updates were given in writing beforehand, so the live discussion could focus on blockers "
        "in the {system_area}.",
        "{first_name} flagged that the {environment} has been unstable and asked for patience "
        "with test results.",
        "Most people welcomed the new format proposed by {first_name}, which leaves more room for "
        "discussion than status reports.",
    ),
    "announcement": (
        "Good news: the {initiative} has reached its first milestone.",
        "Starting in {month}, the {process} process will move to {workplace_tool}.",
        "Please join us in welcoming {person}, who joins {department} in {city} this week.",
        "This month the {team} team {verb_past} the {artifact}, and the refreshed copy is live.",
        "Thank you to everyone who took part in the {event}, and the feedback has been wonderful.",
        "The {deliverable} is now available, and you can find it linked from the {document}.",
        "From {date}, {tool} will become read-only, and new work should move to its replacement.",
        "We are retiring the {artifact} {reason}.",
        "This month the {forum} will feature a talk by {person} on {topic}.",
        "Registration for the {event} opens on {date}, and places are first come, first served.",
        "A big thank you to {person} {thanks_reason}.",
        "After a successful pilot in {city}, the {initiative} will expand to other offices in "
        "{quarter}.",
        "Reminder: the {process} process changes on {date}, so please review the updated guide.",
        "We have published the {document}, which brings together guidance that used to be "
        "scattered.",
        "The {team} team is excited to announce the general availability of the {deliverable}.",
        "Our {year} engagement survey is open, and {person} has promised to share the results "
        "openly.",
        "Congratulations to the {team} team on shipping the {deliverable} ahead of schedule.",
        "The {service} service will move to the new platform during the maintenance window on "
        "{date}.",
        "We are introducing {practice} across engineering after a successful trial in the {team} "
        "team.",
        "Applications for the internal mentoring programme close on {date}.",
        "The {event} is back this year, and the organisers are looking for volunteers.",
        "We are changing how we run the {meeting} {reason}.",
        "New this quarter: {improvement}, rolled out across all teams.",
        "{person} has taken on a new role in {department}, focusing on {topic}.",
        "The {product} is now shipping to {customer_segment} in our first region.",
        "We have simplified the {process} process, and the new steps are described in {tool}.",
        "Thanks to everyone who contributed to the {initiative}, because the results speak for "
        "themselves.",
        "Save the date: the {event} will take place in {city} on {date}.",
        "Our new {document} is live, and feedback is welcome through {ticket}.",
        "Talks from the {forum} are now recorded, so missed sessions can be watched later.",
        "To reduce meeting load, a quiet period will precede the {event}.",
        "The {city} office will host visitors from {customer_segment} next week, so expect some "
        "extra activity.",
        "As of {date}, release {version} of the internal command line tools is the recommended "
        "one for all teams.",
        "The {team} team is opening up its roadmap in {tool} so that anyone can follow along.",
        "Over the quarter, the {initiative} reduced {metric} by {percent}, a result worth "
        "celebrating.",
        "A new guild for {topic} starts this month, and everyone is welcome to join.",
        "We are updating the {document} to reflect the changes agreed at the {meeting}.",
        "Please welcome {first_name} to the {team} team, joining us from the {city} office.",
        "Winning entries from the {event} photo competition are now on display near "
        "{office_place}.",
        "Starting next quarter, {practice} will be part of how every team plans its work.",
        "A heartfelt thanks to {person} and the organising group for making the {event} so "
        "memorable.",
        "The {process} process is now fully digital, so paper forms are no longer accepted.",
        "We have renewed our commitment to {topic}, with more details to follow at the {forum}.",
        "{person} will host an open session on the {initiative} on {weekday} for anyone with "
        "questions.",
        "The {service} service now has a proper entry in the service catalogue, with "
        "documentation written by {first_name}.",
        "Following feedback from many of you, the {meeting} will now be recorded by default.",
        "The new template for the {artifact} is ready and should be used for all new projects.",
        "A pilot of {amenity} is starting in the {city} office, and your feedback would be very "
        "welcome.",
        "Thank you for your patience during the migration of {tool}, which is now complete.",
        "Nominations for the quarterly recognition awards are open until {date}.",
        "This {month} marks another anniversary of the {city} office, and there will be a small "
        "celebration.",
        "The {team} team has published a guide to {skill}, available from the {document}.",
        "Starting soon, the {forum} moves to a new format with shorter talks and more discussion.",
        "We are sunsetting the {component} {timeframe_phrase}, and affected teams have been "
        "contacted.",
        "A warm welcome to our new colleagues in {department}, who started on {date}.",
        "Big news from the {team} team: the {deliverable} is live for everyone.",
        "Please take a few minutes to review the updated {document} before the end of {month}.",
        "Our first {event} in {city} was a success, with colleagues from several offices "
        "attending.",
        "The {initiative} is {status}, and a detailed update will follow at the {forum}.",
        "We have set up a dedicated page in {tool} for questions about the {initiative}.",
        "Heads up: the {environment} will be unavailable on {date} for planned maintenance.",
        "The {product} won a design award, which is a great credit to {person} and everyone who "
        "worked on it.",
        "In response to your feedback, we have rolled out {improvement} for everyone.",
        "From next month, the {meeting} moves to {weekday} afternoons to suit more time zones.",
        "Results of the {validation} are in, and they exceeded expectations.",
        "Our work with {customer_segment} in {city} is expanding, and there will be more updates "
        "soon.",
        "The {department} team has updated the {process} process based on recent audit findings.",
        "Please update your bookmarks, because {tool} has moved to a new internal link.",
        "The new internal podcast launches on {date} with an episode about {topic}.",
        "A limited number of places are available on the workshop about {skill} next month.",
        "This year marks {n} years since {org} shipped its first product, and {person} has been "
        "here for all of them.",
        "The {team} team will be at the {event} to answer questions about the {initiative}.",
        "Starting {date}, all new repositories must include a short ownership file and a readme.",
        "Thanks to {first_name}, the {document} is now available in more languages.",
        "The {forum} is looking for speakers, especially on {topic} and {practice}.",
        "We are introducing {improvement} {reason}.",
        "The {service} service has completed its move to the new cluster with no customer impact, "
        "thanks to {person}.",
        "Updated logistics for the {event} have been shared with everyone attending.",
        "This quarter we are focusing company-wide on {topic}, and each team has set one goal for "
        "it.",
        "The {deliverable} will now arrive {timeframe_phrase} to allow more time for testing.",
        "Everyone is invited to the {event}, and partners and families are welcome.",
        "A write-up from the {team} team on {topic} was shared with the {forum} this week.",
        "Please complete the short survey about {office_place} by {date}.",
        "Funding is confirmed for the {initiative} to continue into {year}.",
        "{person} has been recognised for outstanding work on the {initiative}, so please join us "
        "in congratulating them.",
        "The leadership team has shared its priorities for {year} at the {forum}.",
        "Thank you to the volunteers who made the {event} possible.",
        "We have signed up for external training on {topic}, and places are limited.",
        "The deprecation of the {component} is complete, and the remaining traffic has moved.",
        "The {team} team is looking for beta testers for the {deliverable}.",
        "This week brings {improvement}, thanks to work by the {team} team.",
        "Please read the summary of changes to the {document}, which takes only a few minutes.",
        "Changes to the {process} process were approved by the {stakeholder_role} in {month}.",
        "The annual {event} returns on {date}, with a new venue in {city}.",
        "Kudos to {first_name} for a smooth rollout of the {deliverable}.",
        "We have closed the {initiative} and shared a retrospective at the {forum}.",
        "During the week dedicated to {topic}, there will be short sessions every lunchtime.",
        "Our internal hackathon produced {n} prototypes, including one for the {component} that "
        "teams will continue to explore.",
        "{department} has new request forms in {tool}, replacing the old email route.",
        "Finally, a reminder that feedback on these announcements is always welcome, and "
        "{first_name} reads every reply.",
        "The {city} office will close early on {date} so that everyone can attend the {event}.",
        "We are delighted to announce that the {product} is now available to {customer_segment} "
        "through reseller partners.",
        "The office move in {city} is on schedule, and more details will follow "
        "{timeframe_phrase}.",
        "An updated edition of the {document} replaces the old one from today.",
        "The {initiative} now has a public status page in {tool}, updated {cadence}.",
    ),
    "project": (
        "The goal of this project is {outcome} without disrupting existing customers.",
        "Scope for {quarter} covers the {component} and the first part of the {system_area}.",
        "The project is {status}, with the main risk being {risk}.",
        "{person} is coordinating the project and keeps the plan current in {tool}.",
        "The first milestone, the {deliverable}, was completed in {month}.",
        "We chose the {adjective} path {reason}.",
        "Dependencies on the {service} service are tracked in {ticket}.",
        "The {team} team is responsible for the backend changes, while {department} handles "
        "communication.",
        "Out of scope for now are changes to the {system_area} and anything touching {data_kind}.",
        "Success will be measured by {metric} and qualitative feedback from {customer_segment}.",
        "What began in {year} as an experiment by {first_name} became a funded initiative after "
        "early results.",
        "We expect the {deliverable} {timeframe_phrase}, assuming the {validation} goes as "
        "planned.",
        "{first_name} completed the discovery phase and documented the findings in the {artifact}.",
        "Stakeholders include {department}, the {stakeholder_role} and the {team} team.",
        "The plan was re-baselined in {month} after scope grew to include the {component}.",
        "A decision record written by {first_name} explains why we did not pursue the alternative "
        "design.",
        "Weekly progress notes are shared in {channel} and summarised monthly for the {forum}.",
        "The biggest unknown is how {customer_segment} will react to the change in workflow.",
        "Phase two will extend the work to the {system_area}, pending approval at the {meeting}.",
        "We have run the {validation} twice and plan one more run before launch.",
        "Budget tracking sits with the {stakeholder_role}, who reviews it at each milestone.",
        "{person} reviewed the {artifact} and suggested reducing scope to protect the date.",
        "The risk log currently lists {risk} as the top concern, followed by staffing.",
        "Internal communication will run through the {forum}, while {department} handles customer "
        "messaging.",
        "Progress against the plan is reviewed {cadence} by the core group.",
        "A small prototype proved that the {component} can be replaced without downtime.",
        "We are tracking {metric} weekly to spot any regressions during the rollout.",
        "{first_name} is writing the {deliverable} with help from the {stakeholder_role}.",
        "Approval of the project charter came in {month} {year}, after two rounds of comments.",
        "Rollout will be gradual, starting with internal users and then {customer_segment}.",
        "The {team} team {verb_past} the {component} as an early step in the project.",
        "Learnings from the {initiative} were applied here, especially around planning.",
        "We deliberately left {topic} out of scope to keep the first release small.",
        "Feature flags will control exposure so that the project can roll back quickly if "
        "{metric} degrades.",
        "Key decisions are logged in the {artifact}, linked from the project page.",
        "Current estimates put completion {timeframe_phrase}, with moderate confidence.",
        "Support has been briefed on the project and will review the {deliverable} before launch.",
        "{person} raised the question of long-term maintenance, which the steering group will "
        "address.",
        "Data migration for {data_kind} is the most delicate part of the plan.",
        "The project depends on the {initiative} finishing first, and that work is {status}.",
        "A pilot in {city} will run for {duration} before a wider decision is made.",
        "The design of the {component} went through {n} review rounds before the team was "
        "comfortable with it.",
        "We will know the project has succeeded when the data shows {outcome}.",
        "Staffing changes in {quarter} slowed progress on the {component}, but the plan has since "
        "recovered.",
        "Exit criteria for the pilot include positive feedback and stable {metric}.",
        "The {team} team and {department} share a project board in {tool}.",
        "A short demo of progress is given at the {forum} {cadence}.",
        "What remains is mostly polish, documentation and the {validation}.",
        "We descoped the reporting features {reason}.",
        "Integration with the {service} service is complete and tested in the {environment}.",
        "There is no hard deadline, but finishing before the {event} would reduce disruption.",
        "Cost estimates were reviewed by the {stakeholder_role} and fit within the agreed budget.",
        "{first_name} is investigating whether the {component} can be reused instead of rebuilt.",
        "Most of the open tickets for the project relate to {topic}.",
        "A mid-project retrospective in {month}, facilitated by {first_name}, will check how the "
        "plan is working.",
        "We are tracking dependencies with three other teams, including the {team} team, and all "
        "have confirmed their timelines.",
        "A technical spike by {first_name} showed that the original design would not scale, "
        "prompting the current approach.",
        "Our rollout checklist covers monitoring, rollback, support readiness and documentation, "
        "and it lives in {tool}.",
        "{person} presented the project at the {meeting} and received approval for the next phase.",
        "Early results from {customer_segment} suggest the change feels intuitive.",
        "This project replaces the {component}, which has been hard to maintain for years.",
        "The team is wary of {risk} and has added extra checks to mitigate it.",
        "We have published a short FAQ for colleagues in {department} who want to understand the "
        "impact of the project.",
        "The {deliverable} was accepted by the {stakeholder_role} after minor revisions.",
        "Migration of {data_kind} will run in waves, each followed by a short review.",
        "Project documentation lives in the {document} so that it survives after the team moves "
        "on.",
        "Timeline risk comes mostly from the dependency on {department}.",
        "A quick win from the project so far is {improvement}.",
        "Lessons so far suggest that {lesson}.",
        "The project benefits from strong sponsorship, with the {stakeholder_role} attending most "
        "reviews.",
        "Late changes in requirements from {customer_segment} added work to the second phase.",
        "The {team} team paired with {department} to define acceptance criteria for each "
        "milestone.",
        "The project adopted {practice} from the start, which kept integration smooth.",
        "A load profile captured in the {environment} was used to size the new {component}.",
        "We are reserving time in {quarter} for stabilising the {system_area} after the main "
        "rollout.",
        "Scope change request {ticket} was approved at the {meeting}.",
        "Teams affected by the project, such as the {team} team, were contacted individually with "
        "tailored guidance.",
        "The project is part of the wider {initiative} and shares its steering group.",
        "The proof of concept for the {component} ran for {duration} and answered the main "
        "technical questions.",
        "One open question is who will maintain the {component} after the project closes.",
        "Progress slowed in {month} because of {concern}, and the plan was adjusted accordingly.",
        "Every milestone ends with a short written review shared with {department}.",
        "{person} and the {team} team agreed on a shared definition of done.",
        "We are considering whether to extend the project to {customer_segment}.",
        "The first internal users reported {outcome} within weeks of the pilot starting.",
        "Buffer is built into the plan around the {event}, when availability drops.",
        "Architecture choices were reviewed at the {meeting} and documented in the {artifact}.",
        "The {validation} uncovered a performance issue in the {component}, which has since been "
        "fixed.",
        "A small simulator built by {first_name} lets us test edge cases without touching "
        "production data.",
        "A communication plan was drafted with {department} to keep affected teams informed.",
        "Work on the {system_area} will start once the first phase is stable.",
        "{first_name} joined the project in {month} to help with the {deliverable}.",
        "Acceptance testing will involve volunteers from {customer_segment} in {city}.",
        "By design, the scope excludes {topic}, which another team is exploring.",
        "We expect a brief period of dual running while the old and new {component} coexist.",
        "The steering group asked for a clearer view of {metric} before approving the next phase.",
        "Funding for the next phase depends on results from the pilot with {customer_segment} in "
        "{city}.",
        "The current plan assumes no further changes to the API of the {service} service, which "
        "{first_name} has confirmed.",
        "Risks and mitigations are reviewed {cadence} with the sponsor.",
        "The {team} team documented a rollback plan for every step of the migration.",
        "Progress in {month} was steady, with most tasks closing on time and only {ticket} "
        "slipping.",
        "Delivery of the {deliverable} slipped slightly because of {concern}.",
        "The project is being closed formally, with remaining tasks passed to the {team} team.",
        "We ran a premortem at kickoff, with {risk} cited most often as a likely failure scenario.",
        "The project has already produced {improvement}, even before the main launch.",
        "A detailed timeline is maintained in {tool} and reflects the latest estimates.",
        "Next month the focus shifts to the {deliverable} and preparing support materials.",
        "Thanks to {person} {thanks_reason}, which unblocked the second milestone.",
        "Eventually the {initiative} and this project should converge {timeframe_phrase}.",
        "All major design questions are now settled, and {first_name} is working through the "
        "remaining implementation details.",
        "Budget owners in {department} asked for a monthly summary, which {first_name} now "
        "prepares.",
        "Weekly check-ins with the {team} team keep the shared milestones aligned.",
        "A short video explaining the project was recorded by {first_name} for colleagues in "
        "{city}.",
    ),
    "onboarding": (
        "Welcome to {org}, and this guide, maintained by {person}, walks you through your first "
        "weeks.",
        "Your buddy will help you find your way around the {city} office and introduce you to "
        "colleagues in {department}.",
        "During your first week, focus on meeting people and reading the {document}.",
        "Many new engineers ship a small change early on, often to the {component}.",
        "Set up your laptop using the instructions in {tool} before your first team meeting.",
        "Ask lots of questions, because nobody expects you to know how the {system_area} works "
        "yet.",
        "You will be invited to the {meeting}, which is a good way to see how decisions are made.",
        "{person} runs the new joiner sessions and is happy to help with anything that is unclear.",
        "Spend some time {skill}, because it comes up often in day-to-day work.",
        "Access to production systems is granted gradually as you complete the required training "
        "in {tool}.",
        "Shadowing a support session in your first month builds useful empathy for "
        "{customer_segment} and other customers.",
        "The glossary in the {document} explains our team code names and internal jargon.",
        "Your manager will agree goals for your first months with you early on, often using the "
        "{artifact} as a starting point.",
        "Reading recent incident reviews is a great way to understand the {system_area}.",
        "New joiners in {city} usually have lunch with {first_name} and the office team during "
        "their first week.",
        "By the end of the first month, aim to have paired with someone from the {team} team.",
        "The {event} is a good chance to meet people from other departments.",
        "Keep a list of anything confusing about the {system_area}, because fresh eyes improve "
        "our docs.",
        "The onboarding checklist in {tool} tracks required training and account setup.",
        "Each new joiner is given a starter task that touches the {component} and uses {tool}.",
        "Introduce yourself in {channel} so colleagues can say hello.",
        "The {forum} is a friendly place to ask questions that do not fit anywhere else.",
        "Many people find it useful to draw their own map of the {system_area} during the first "
        "weeks.",
        "Your buddy is the first stop for practical questions, from finding {tool} to meeting "
        "etiquette.",
        "Onboarding is not a test, and nobody in {department} will judge you for needing time to "
        "settle in.",
        "{first_name} wrote the first draft of this guide after joining, which is why it reads so "
        "practically.",
        "You will meet the {stakeholder_role} early, since they work closely with most teams.",
        "The {team} team has recorded walkthroughs of the {system_area} that many new joiners "
        "find helpful.",
        "Try to attend at least one {meeting} outside your own team during your first month.",
        "Your first pull request should be small, perhaps a fix to the {component}, because the "
        "goal is to learn the review process.",
        "Take the time to read the {document} before making changes to shared code.",
        "Laptops and accessories are usually delivered before your start date, and {first_name} "
        "in IT can help if something is missing.",
        "Feedback on onboarding is collected {cadence} and used to improve the programme.",
        "Reading the last few quarterly plans, especially the parts on {topic}, helps you "
        "understand where the company is heading.",
        "New managers have an extra module covering the {process} process and team rituals.",
        "The tour of the {city} office includes {office_place}, the kitchens and the emergency "
        "exits.",
        "You are encouraged to book short introductory chats with colleagues in {department}.",
        "Learning the basics of {topic} early will make your first projects easier.",
        "The most common advice from recent joiners like {first_name} is to ask for help sooner "
        "rather than later.",
        "You will receive a welcome pack with a notebook, stickers and a guide to the {city} "
        "office put together by {first_name}.",
        "Onboarding cohorts start together, which makes it easy to practise {skill} alongside "
        "peers.",
        "Review the {artifact} for your team to understand current priorities.",
        "Keep notes of what you learn, as {first_name} did, since many joiners later turn them "
        "into improvements for this guide.",
        "By the end of your first quarter, you should feel comfortable {skill}.",
        "Wiki search can be hit and miss, so bookmark the {document} and other pages you use "
        "often.",
        "Thanks to {person} {thanks_reason}, this guide now covers more of the practical details.",
        "Everyone completes the same core modules, and role-specific tracks, such as the one for "
        "{department}, follow afterwards.",
        "Your manager will add you to the relevant mailing lists and chat channels, such as "
        "{channel}.",
        "A mentor outside your team can offer a different perspective, and the {forum} can "
        "suggest one.",
        "Demo sessions are a relaxed way to see what other teams are building, and the {team} "
        "team demos often.",
        "Try the product yourself early, ideally the same way {customer_segment} would use it.",
        "Our engineering principles are summarised in the {document} and are worth reading twice.",
        "Hardware teams offer a short lab orientation, run by {first_name}, before anyone handles "
        "prototypes.",
        "New joiners often start by improving the {artifact}, which is a gentle way to learn the "
        "codebase.",
        "It is normal to feel overwhelmed by the {system_area} at first, and the amount of new "
        "context settles after a while.",
        "Book time in your first week to set up {tool} with help from your buddy.",
        "The people team checks in after your first month, and {first_name} usually sends a short "
        "survey beforehand.",
        "If you relocate to {city}, the relocation guide from {department} covers practical steps "
        "and local tips.",
        "Introductions to key partners in {department} happen during your second week.",
        "We ask every new joiner to suggest one improvement to this guide, and {first_name} "
        "merges most of them.",
        "The {team} team runs a monthly session on {skill} that new joiners are welcome to attend.",
        "Understanding how {data_kind} flow through the {system_area} is useful for most "
        "engineering roles.",
        "A reading list for your role is linked from the {document}.",
        "Remember to complete the privacy module before working with {data_kind}.",
        "Support tickets tagged with {topic} are a great source of context on how customers "
        "experience the product.",
        "Onboarding for remote colleagues includes a virtual tour of the {city} office and a "
        "welcome call with {first_name}.",
        "Your access to {tool} is set up automatically once your account is active.",
        "Ask your buddy to explain how the {process} process works in practice, not only on paper.",
        "You do not need to memorise the architecture of the {system_area}, because knowing where "
        "to look is enough at first.",
        "Recent joiners recommend starting with the walkthrough of {topic} recorded by the {team} "
        "team.",
        "The {event} usually happens within a month or two of most people joining.",
        "Get comfortable {skill} on a low-stakes task before working on critical paths.",
        "Plan to spend part of your first week simply reading code and the {document}.",
        "There is no such thing as a silly question during onboarding, and {first_name} will "
        "happily prove it.",
        "Most teams assign a starter project, often involving the {component}, that can be "
        "finished within the first month.",
        "A short survey at the end of onboarding, run by {department}, helps us improve the "
        "experience for the next cohort.",
        "The tour of the {system_area} is easier after reading the {artifact}.",
        "Colleagues in {city} host a monthly welcome lunch in {office_place} for everyone who "
        "joined recently.",
        "Your calendar will fill up quickly, so protect some time for learning about {topic}.",
        "One thing recent joiners often mention is that {lesson}.",
        "Sitting in on meetings held by {department} is a good way to understand how other parts "
        "of {org} think.",
        "The history of the {initiative} explains a lot about why things look the way they do "
        "today.",
        "New joiners are encouraged to write a short introduction for the {forum}.",
    ),
    "retrospective": (
        "What went well: the team kept scope tight on the {deliverable} and communicated changes "
        "early.",
        "The {deliverable} shipped on time, largely because the {team} team cut scope decisively.",
        "One thing to improve is {concern}, which slowed us down more than once.",
        "Looking back, the whole team agreed that {lesson}.",
        "{person} facilitated this retrospective using the start, stop and continue format.",
        "The team wants to keep doing {practice}, which everyone found valuable.",
        "Estimates for the {component} were too optimistic, mainly because of unknowns in the "
        "{system_area}.",
        "Communication with {department} improved after we started sharing weekly notes.",
        "We should stop scheduling the {meeting} so late in the cycle, because feedback arrived "
        "too late to act on.",
        "The {validation} caught several issues that would have been painful in production.",
        "A recurring theme was {concern}, and the team picked one concrete action to address it.",
        "Thanks to {person} {thanks_reason}, which the team mentioned repeatedly.",
        "Next time, we will involve the {stakeholder_role} from the start instead of at the end.",
        "The team felt the pace was sustainable for most of the project, apart from one stressful "
        "week before the {deliverable} shipped.",
        "Planning in {tool} worked better than the previous spreadsheet.",
        "We underestimated the effort needed for the {artifact}.",
        "Action: {first_name} will {action} and report back at the next retro.",
        "The experiment with {practice} gave mixed results, so we will try it again with clearer "
        "rules.",
        "Dependencies on the {service} service caused delays that {first_name} could have flagged "
        "sooner with better tooling.",
        "Everyone agreed the {meeting} was the most useful ritual of the project.",
        "What surprised us was how much {customer_segment} valued the small usability fixes.",
        "We would like {improvement} in the next project and will raise it during planning.",
        "The mood of the team was positive overall, although workload was uneven and {first_name} "
        "carried too much.",
        "Documentation for the {component} was written late and in a rush, which we want to avoid "
        "next time.",
        "Pairing between the {team} team and {department} spread knowledge effectively.",
        "A theme from the {quarter} retrospective, {concern}, came up again, which shows we had "
        "not fully fixed it.",
        "The decision to use the {adjective} rollout paid off when we found problems in the first "
        "wave.",
        "Late requirements from {customer_segment} forced rework that better discovery could have "
        "avoided.",
        "We celebrated {outcome} and the fact that nobody had to work weekends.",
        "The {team} team noted that the risk of {risk} was identified early but not acted on "
        "quickly enough.",
        "Our definition of done did not include updating the {document}, which we will fix.",
        "Feedback from support after launch was mostly positive, with a few requests for clearer "
        "messages in the {system_area}.",
        "{first_name} suggested a lighter planning format, and the team will trial it next cycle.",
        "Meeting load was too high in {month}, so {first_name} cancelled two recurring sessions.",
        "Automated checks in the {environment} saved us from at least one bad deploy.",
        "We kept the retro blameless and focused on the system, which {first_name} said made for "
        "an honest discussion.",
        "The biggest positive was {outcome}, which exceeded our expectations.",
        "Too much context about the {component} lived in one person's head, so we will write more "
        "of it down.",
        "Celebrating milestones such as the first {validation} helped morale during the long "
        "middle phase.",
        "The {artifact} proved its worth when we had to explain decisions to new stakeholders.",
        "Scope grew through small requests from {department} that nobody tracked formally.",
        "We want to revisit how we estimate work on the {system_area}.",
        "Collaboration with the {stakeholder_role} was excellent and should be the model for "
        "future projects.",
        "The launch was calmer than previous ones, thanks to better rehearsal in the "
        "{environment}.",
        "We did not spend enough time on the {validation}, and it showed in the first week after "
        "launch.",
        "Action items from this retro are tracked in {ticket}.",
        "The team voted on the top improvements, with {improvement} coming first.",
        "Working from a shared plan in {tool} reduced the number of status meetings.",
        "The project showed that {lesson}, and we want to share that more widely.",
        "Several people mentioned feeling unclear about priorities in {month}, especially around "
        "the {initiative}.",
        "Onboarding new colleagues mid-project went smoothly because the {document} was up to "
        "date.",
        "We will share a summary of this retrospective at the {forum}.",
        "Next time we would start the {validation} earlier and run it more often.",
        "The {team} team appreciated the flexibility shown by {department} when plans changed.",
        "Keeping the demo rhythm through the crunch period kept {department} informed and calm.",
        "Technical debt in the {component} slowed us down, and we have scheduled time to address "
        "it.",
        "The team would like clearer criteria for when to cut scope, perhaps written into the "
        "{document}.",
        "Overall, this was one of the smoother projects the {team} team has delivered.",
        "Some decisions about the {component} were made in private messages, which left others "
        "out of the loop.",
        "We learned a lot about {topic}, and that knowledge should not be lost.",
        "Participants rated the project highly for collaboration and lower for planning accuracy, "
        "as {first_name} summarised.",
        "Rotating the facilitator role, this time to {first_name}, made the retro feel fresher.",
        "The {event} fell in the middle of the project and cost more time than we expected.",
        "Support readiness was better than last time because support joined the demos of the "
        "{deliverable}.",
        "Our tracking of {metric} during the rollout gave us confidence to proceed.",
        "The team would like fewer interruptions, so we will {action} and protect focus time.",
        "We noticed that {concern} affected newer team members more than others.",
        "The retro closed with appreciation for {person} and {first_name}.",
        "The plan to {action} was agreed by everyone present.",
        "An unexpected win was how reusable the {component} turned out to be.",
        "Risks such as {risk} were reviewed regularly, but mitigation actions often lacked owners.",
        "Customer interviews with {customer_segment} early in the project paid off during design.",
        "We will keep the {adjective} planning style that worked this time.",
        "The final weeks felt rushed, partly because the {deliverable} was larger than expected.",
        "Cross-team communication through {channel} worked well and should continue.",
        "We agreed to run a shorter check-in halfway through the next project, and {first_name} "
        "will schedule it.",
        "This retrospective used a timeline exercise prepared by {first_name}, which sparked good "
        "discussion.",
        "Not everything went well, but the team handled setbacks in the {system_area} with "
        "patience and humour.",
        "Feedback suggests the {process} process slowed us down without adding much value.",
        "A follow-up session in {month} will check whether the agreed actions made a difference "
        "to {metric}.",
        "The group felt the context behind the {initiative} was explained too late to influence "
        "early choices.",
        "In hindsight, a smaller first release of the {deliverable} would have taught us the same "
        "things sooner.",
        "People appreciated that the {stakeholder_role} protected the team from last-minute "
        "requests.",
    ),
    "general": (
        "This page collects context about {topic} that does not fit neatly anywhere else.",
        "{person} started this document in {year}, and several people have maintained it since.",
        "The content below reflects what the {team} team understood as of {month} and may change.",
        "Links to related pages are at the bottom, including the {document}.",
        "Please leave comments rather than editing directly if you disagree with a section, and "
        "{first_name} will follow up.",
        "We keep this page short on purpose and link out to the {document} for detail.",
        "The {team} team uses this page as a starting point for newcomers to {topic}.",
        "Most of the guidance here came out of discussions at the {meeting}.",
        "A summary of this page was presented at the {forum} in {month}.",
        "{first_name} added the section on {topic} after several people asked the same question.",
        "If something here is out of date, please mention it in {channel} or fix it directly.",
        "The examples on this page are simplified, and real cases in the {system_area} usually "
        "have more nuance.",
        "We reviewed this page during {quarter} and removed outdated advice about the {component}.",
        "The approach described here replaced an older one that stopped scaling once the "
        "{system_area} grew.",
        "The {initiative} influenced much of what is written here.",
        "Everyone is welcome to contribute, whatever their role or team, and {first_name} is "
        "happy to review drafts.",
        "This document is intentionally informal, and formal rules live in the policies section "
        "maintained by {department}.",
        "We use consistent terminology across pages, and the {document} explains any unfamiliar "
        "terms.",
        "The {team} team looks after this page and reviews it {cadence}.",
        "Decisions referenced here are recorded in full in the {artifact}.",
        "Readers from {department} may find the section on {topic} most relevant.",
        "This material was originally written for the {event} and adapted for wider use.",
        "We keep historical notes at the end so that context about the {component} is not lost.",
        "{person} and {first_name} reviewed the latest changes to this page.",
        "The principles here apply across offices, including {city}, and across departments such "
        "as {department}.",
        "A shorter summary, written by {first_name}, is available for anyone in a hurry.",
        "The ideas below are suggestions rather than requirements, so teams like the {team} team "
        "adapt them freely.",
        "Several teams, including {department}, have adapted this guidance for their own needs, "
        "which we encourage.",
        "Open questions are tracked in {ticket} and discussed at the {meeting}.",
        "This page is linked from the {document}, so changes here reach a wide audience.",
        "The figures quoted for {metric} are approximate and meant to show direction rather than "
        "precision.",
        "Our thinking on {topic} changed after the {initiative}, and this page reflects that.",
        "The current draft was shaped by feedback from {customer_segment} and internal users.",
        "Please keep the tone of additions consistent with the rest of the page and with the "
        "{document}.",
        "The {stakeholder_role} reviewed this content for accuracy in {month}.",
        "This section exists because the same confusion came up repeatedly in {channel}.",
        "Earlier drafts were much longer, and {first_name} cut them down to the essentials.",
        "Some sections are marked as experimental and may be removed after the next {meeting}.",
        "It is worth reading this alongside the {document} for the full picture.",
        "Thanks to {person} {thanks_reason}, which improved this page considerably.",
        "The page structure follows the template agreed by the documentation working group, which "
        "{person} chairs.",
        "We expect to revise this material {timeframe_phrase}.",
        "A few teams asked for examples specific to the {system_area}, which were added in "
        "{month}.",
        "The ideas here are not new, but writing them down has helped align {department} and "
        "engineering.",
        "When in doubt, prefer the simpler option and document why you chose it in the {artifact}.",
        "The wider context is the company focus on {topic} for {year}.",
        "This page links to the reports in {tool} that informed the recommendations.",
        "Feedback from the {event} led to the section on practical tips.",
        "Notes on {practice} are included for teams that want to try it.",
        "We have tried to avoid jargon, but some terms used by {department} are unavoidable.",
        "The first half covers principles of {topic}, and the second half covers practical steps.",
        "Not everything here applies to every team, so use judgement or ask the "
        "{stakeholder_role}.",
        "A recording of the session that introduced these ideas is available from the {forum}.",
        "The original author has moved on to other work, so the {team} team now keeps this page "
        "current.",
        "These notes capture conventions around {topic} that grew organically over several years.",
        "The section on the {system_area} was rewritten after the {initiative} changed how it "
        "works.",
        "Most readers only need the summary at the top, and the rest is reference material for "
        "the {system_area}.",
        "We try to keep this page consistent with the {document}, and any mismatch is a mistake "
        "on our side.",
        "This guidance was tested with {customer_segment} during a pilot in {city}.",
        "Contributions in {month} from {first_name} focused on clarity and removing duplicated "
        "advice.",
        "The page includes a short history of how the {component} came to be.",
        "Some readers prefer the diagram view, which {first_name} keeps next to each section.",
        "It took several iterations with {department} to agree on the wording in this section.",
        "Experience with {topic} in the {team} team informed most of the advice here.",
        "This document complements, rather than replaces, conversations with your manager or the "
        "{stakeholder_role}.",
        "Reminders like these appear in several places, including the {document}, because they "
        "matter.",
        "We refreshed the examples to reflect the current state of the {system_area}.",
        "{first_name} collected common pitfalls from recent projects and listed them below.",
        "Items marked as deprecated will be removed after the next review by {person}.",
        "A companion checklist is available in {tool}.",
        "Please link to this page from the {document} rather than copying its content elsewhere.",
        "The wording here was agreed with {department} to avoid mixed messages.",
        "Many of the suggestions came from people who joined {department} in the last year.",
        "The guidance on {topic} is deliberately brief because the area is changing quickly.",
        "This page also serves as a reference for partners who integrate with the {system_area}.",
        "We revisit these notes after each major launch, most recently the {deliverable}, to "
        "capture what changed.",
        "Related discussions happened at the {meeting}, and the key points are summarised here.",
        "The aim of this guidance is {outcome}, not perfection.",
        "Examples from the {service} service and the {component} illustrate most of the points.",
        "This content was translated for colleagues in {city}, and {first_name} keeps both copies "
        "in sync.",
        "A handful of recurring questions about the {component} are answered in the short FAQ "
        "below.",
        "We welcome disagreement with anything here, especially when it is backed by data from "
        "{tool}.",
        "The diagrams were redrawn in {year} to match the current architecture of the "
        "{system_area}.",
        "For newcomers, it helps to know that the {initiative} started before most of the current "
        "team joined.",
        "The section about {practice} is the most frequently visited part of this page.",
        "Last reviewed by {person} in {month}, with no major changes needed.",
        "We plan to merge this page into the {document} {timeframe_phrase}.",
        "These notes assume basic familiarity with {topic} and link out for the fundamentals.",
        "It helps to read the {artifact} first if you are new to this area.",
        "A changelog for this page is kept in {tool} by the {team} team.",
        "Quotes from colleagues such as {person} are included to show how the guidance works in "
        "practice.",
        "The risks mentioned here, such as {risk}, are covered in more depth elsewhere.",
        "Some advice here is specific to hardware teams working on the {product} and its "
        "{hardware_part}.",
        "Please reach out to {person} if you want to run a session based on this material.",
        "We removed a section on {topic} because it had become misleading.",
        "The metrics referenced here, including {metric}, come from the shared dashboards.",
        "This page grew out of a brown bag session on {topic} held in {city}.",
        "Readers who prefer a quick overview of {topic} can start with the summary at the top.",
        "The page will be archived once its content moves into the {document}.",
        "Practical tips here came from teams that tried {practice} and reported back.",
        "Most of the advice holds regardless of team size or location, as the {team} team found.",
        "Ideas for improving this page can be added as comments on {ticket}.",
        "The lessons here include the observation that {lesson}.",
        "Several sections were reorganised in {quarter} by {first_name} to follow the reader's "
        "journey.",
        "Where the guidance mentions approval from the {stakeholder_role}, the linked process "
        "explains the steps.",
        "A glossary entry for {topic} was added after repeated confusion.",
        "This page benefits from regular pruning, so feel free to propose removals to "
        "{first_name}.",
        "We used feedback from {department} to make the examples more realistic.",
        "Finally, keep in mind that {lesson}, as many teams here have learned.",
        "Colleagues in {city} contributed several of the examples, drawn from their day-to-day "
        "work on the {system_area}.",
        "Nothing on this page is secret, so feel free to share it with the {stakeholder_role} or "
        "partners who need the context.",
        "The {team} team found that {lesson}, which is why this page exists.",
        "When this page disagrees with what you see in the {system_area}, trust what you see and "
        "tell us.",
        "Writing this down took {first_name} longer than expected, which says something about how "
        "much context was unwritten.",
    ),
}

# Document title templates for the free-standing filler genres.
TITLES: dict[str, tuple[str, ...]] = {
    "meeting": (
        "Weekly sync of the {team} team, {date}",
        "Notes from the {meeting}, {date}",
        "Minutes: {topic} discussion, {date}",
        "Planning session of the {team} team for {quarter} {year}",
        "Architecture review of the {component}, {month} {year}",
        "Cross-team sync between the {team} team and {department}, {date}",
        "Notes from the {initiative} steering group, {date}",
        "Design critique of the {deliverable}",
        "Meeting notes: {topic} working session",
        "Sprint review for the {team} team, {date}",
        "Kickoff meeting for the {initiative}",
        "Follow-up on {ticket}, {date}",
        "Budget check-in with {department}, {month}",
        "Risk review of the {service} service, {date}",
        "Roadmap review of the {team} team for {quarter}",
        "Notes: vendor review, {month} {year}",
        "Working session on the {artifact}, {weekday} {date}",
        "Monthly operations review, {month} {year}",
        "Customer feedback review: {customer_segment}",
        "Launch readiness review for the {product}",
        "Office planning meeting in {city}, {date}",
        "Quarterly business review, {quarter} {year}",
        "Review meeting for {ticket}",
        "Reading group notes: {topic}",
        "Hiring debrief notes for {department}, {month}",
        "Capacity review of the {system_area}, {date}",
        "Guild meeting on {practice}, {date}",
        "Planning notes for the {event}",
        "Demo day notes, {month} {year}",
        "Decision meeting on the {component}, {date}",
        "Security review of the {service} service, {month}",
        "Notes from the session with {person} on {topic}",
        "Leadership sync, {weekday} {date}",
    ),
    "announcement": (
        "Welcome {person} to {department}",
        "Launching the {deliverable}",
        "Changes to the {process} process from {date}",
        "The {event} is back for {year}",
        "Introducing {practice} across engineering",
        "Now available: the {document}",
        "Thank you from the {team} team",
        "Save the date: {event} in {city}",
        "Retiring the {component} in {quarter}",
        "The {initiative} reaches its first milestone",
        "Planned maintenance for the {service} service on {date}",
        "New in {month}: {improvement}",
        "The {product} is now shipping",
        "A new format for the {forum}",
        "Company update for {month} {year}",
        "Office news from {city}, {month}",
        "Recognition awards, {quarter} {year}",
        "Updates to the {document}",
        "Registration open for the {event}",
        "Moving the {service} service to the new platform",
        "Engagement survey {year} is open",
        "The {team} team opens its roadmap",
        "Security awareness month, {year}",
        "Farewell to the {artifact}",
        "Results of the {validation}",
        "What is new in {tool}",
        "Changes to the {meeting} format",
        "Welcome to our new colleagues in {city}",
        "Celebrating {n} years of {org}",
        "Heads up: {environment} maintenance on {date}",
        "Call for speakers: {forum}, {month}",
        "Congratulations to the {team} team",
    ),
    "project": (
        "Rollout plan for the {service} service, {quarter} {year}",
        "Project brief: {initiative}",
        "Status update: {initiative}, {month} {year}",
        "Replacing the {component}",
        "Migration of {data_kind} to the {system_area}",
        "Pilot plan for {customer_segment} in {city}",
        "Discovery notes for the {deliverable}",
        "Project charter: {topic} improvements",
        "Phase two of the {initiative}",
        "Scope and milestones for the {team} team in {quarter}",
        "Project plan: {improvement}",
        "Risk register for the {initiative}",
        "Readiness checklist for the {product} launch",
        "Proposal: rebuilding the {component}",
        "Monthly report: {initiative}, {month}",
        "Closing report for the {initiative}",
        "Dependency map for the {service} service migration",
        "Integration project with the {service} service",
        "Evaluation of options for the {system_area}",
        "Timeline for the {deliverable}, {year}",
        "Project update from the {team} team, {date}",
        "Plan for consolidating the {artifact}",
        "Cost review for the {initiative}, {quarter}",
        "Proof of concept: replacing the {component}",
        "Workstream overview: {topic}",
        "Serviceability project for the {product}",
        "Test strategy for the {initiative}",
        "Decision log for the {service} service rework",
        "Stakeholder map for the {initiative}",
        "Communication plan for the {deliverable}",
        "Rollback strategy for the {system_area} migration",
        "Kickoff brief: {topic} in {year}",
    ),
    "onboarding": (
        "Welcome to the {team} team",
        "Your first week at {org}",
        "Onboarding guide for {department}",
        "Getting started with the {system_area}",
        "New joiner checklist for the {city} office",
        "First month plan for engineers in the {team} team",
        "Setting up your laptop with {tool}",
        "A guide to {topic} for new joiners",
        "Onboarding notes for the {service} service",
        "Buddy guide for {year}",
        "Understanding the {component}: a primer",
        "Reading list for new colleagues in {department}",
        "Starter tasks in the {team} team",
        "Welcome pack for the {city} office",
        "Practical tips on {skill}",
        "Your first pull request at {org}",
        "Onboarding for managers, {year} edition",
        "Orientation notes for hardware work on the {product}",
        "Welcome to {department} at {org}",
        "How the {team} team works",
        "Navigating the {document}",
        "First ninety days in {department}",
        "Accounts and access for new joiners in {city}",
        "Tour of the {system_area} for newcomers",
        "Onboarding cohort notes, {month} {year}",
        "Key concepts: {topic}",
        "Getting to know the {service} service",
        "New starter FAQ for the {city} office",
        "Remote onboarding guide for {department}",
        "Joining the {team} team: what to expect",
        "Onboarding track for new {stakeholder_role} hires",
    ),
    "retrospective": (
        "Retrospective: {initiative}",
        "Looking back at the {deliverable}",
        "Retro notes from the {team} team, {quarter} {year}",
        "Lessons from the {product} launch",
        "Retrospective on the {service} service migration",
        "What we learned from the {validation}",
        "Sprint retro of the {team} team, {date}",
        "Post-launch review of the {deliverable}",
        "Retrospective: {event} {year}",
        "End of quarter reflections, {quarter} {year}",
        "Looking back on {topic} in {year}",
        "Retro: replacing the {component}",
        "Project retrospective for the {system_area} rework",
        "Lessons learned from the {city} pilot",
        "What went well and what did not: {initiative}",
        "Retro notes, {month} {year}",
        "Reflections on adopting {practice}",
        "Retrospective on the {process} process change",
        "Team health retro of the {team} team",
        "Mid-project check-in: {initiative}",
        "Retrospective for {ticket}",
        "Year in review from the {team} team, {year}",
        "Review of the {artifact} rollout",
        "Looking back at our work with {customer_segment}",
        "Retrospective on moving to {tool}",
        "Lessons from drills in the {environment}",
        "Retro: {quarter} planning cycle",
        "Quarterly retro for {department}",
        "After-action notes on the {event}",
        "Closing retro for the {deliverable}",
        "What {customer_segment} taught us this year",
    ),
    "general": (
        "Notes on {topic}",
        "About the {team} team",
        "How we approach {topic}",
        "Background on the {initiative}",
        "Guide to the {system_area}",
        "Frequently asked questions about the {process} process",
        "Working with {department}",
        "Overview of the {service} service",
        "Principles for {practice}",
        "The {city} office at a glance",
        "Context for the {component}",
        "A short history of the {initiative}",
        "Conventions for {data_kind}",
        "Tips for {skill}",
        "Terminology used across {org}",
        "Reference notes on the {api_concept}",
        "Field notes from {customer_segment}",
        "Thoughts on {risk}",
        "Common pitfalls with the {component}",
        "Using {tool} effectively",
        "A primer on the {system_area}",
        "Collected notes on {topic}, {year}",
        "Family overview for the {product}",
        "Why we use {practice}",
        "Pointers for working with the {service} service",
        "Team rituals and norms in the {team} team",
        "Observations on {metric}",
        "Decision records index for {department}",
        "Notes from the {event}",
        "Knowledge base: {topic}",
        "Internal FAQ on the {document}",
        "Shared vocabulary for {topic}",
    ),
}

# Section heading templates per document genre.
HEADINGS: dict[str, tuple[str, ...]] = {
    "product": (
        "Overview",
        "Design notes on the {hardware_part}",
        "Feedback from {customer_segment}",
        "Manufacturing notes",
        "Packaging and documentation",
        "Installation experience",
        "Roadmap for {year}",
        "Support readiness",
        "Field experience in {city}",
        "Sustainability",
        "Accessories and spares",
        "Background on the {product}",
        "Lessons from earlier models",
        "Testing with the {validation}",
    ),
    "policy": (
        "Purpose",
        "Scope",
        "Principles",
        "Definitions",
        "Roles and responsibilities",
        "Exceptions",
        "How to ask for help",
        "Related documents",
        "Change history",
        "Review cycle",
        "Rationale",
        "Examples",
        "Breaches and follow-up",
        "Working with {department}",
    ),
    "runbook": (
        "Symptoms",
        "Before you start",
        "Diagnosis",
        "Mitigation",
        "Verification",
        "Rollback",
        "Known quirks",
        "Follow-up",
        "Prerequisites",
        "Background",
        "Useful queries",
        "Related alerts",
        "Clean-up",
        "Recovering the {component}",
        "Checking the {system_area}",
    ),
    "incident": (
        "Summary",
        "Background",
        "Detection",
        "Response",
        "Recovery",
        "Contributing factors",
        "What went well",
        "What went poorly",
        "Customer communication",
        "Lessons learned",
        "Open questions",
        "Related work",
        "Changes to the {component}",
    ),
    "api": (
        "Overview",
        "Authentication",
        "Conventions",
        "Pagination",
        "Webhooks",
        "Examples",
        "Deprecations",
        "Client libraries",
        "Changelog",
        "Data model",
        "Idempotency",
        "Design principles",
        "Working with the {api_concept}",
        "Handling {data_kind}",
    ),
    "team": (
        "Who we are",
        "What we work on",
        "How to work with us",
        "Current focus",
        "Working agreements",
        "Rituals",
        "Roadmap",
        "Tools we use",
        "Team history",
        "Recent wins",
        "Learning and growth",
        "Stakeholders",
        "Our charter",
        "Work on {topic}",
    ),
    "office": (
        "Getting here",
        "Facilities",
        "Meeting spaces",
        "Kitchen and food",
        "Visitors",
        "Health and safety",
        "Accessibility",
        "Events",
        "Deliveries",
        "Sustainability",
        "Local tips",
        "Reporting issues",
        "Around the building",
        "Using {office_place}",
    ),
    "directory": (
        "How to use this register",
        "Keeping entries current",
        "Recent changes",
        "Search tips",
        "Owners and contacts",
        "Data sources",
        "Privacy",
        "Related registers",
        "Columns explained",
        "Requesting a new entry",
        "History",
        "Known gaps",
        "Notes for {department}",
    ),
    "handbook": (
        "How this works",
        "The basics",
        "What to expect",
        "Common situations",
        "Good to know",
        "Before you start",
        "Practical details",
        "Everyday questions",
        "Special cases",
        "Getting help",
        "Where to find things",
        "Responsibilities",
        "Rules of thumb",
        "In practice",
        "The short version",
        "Details that matter",
        "When things change",
        "Planning ahead",
        "For managers",
        "For new joiners",
        "Working across offices",
        "Exceptions and edge cases",
        "Records and paperwork",
        "Frequently asked questions",
        "What we expect from you",
        "What you can expect from us",
        "Keeping things fair",
        "A few reminders",
        "Background and reasoning",
        "How requests are handled",
        "Tools and forms",
        "If something goes wrong",
        "Worked examples",
        "Local differences",
        "Our commitments",
        "Things people often miss",
        "Before you ask",
        "When in doubt",
        "Related guidance",
        "Requests through {workplace_tool}",
        "Working with {department}",
        "Notes for the {city} office",
        "Questions for the {stakeholder_role}",
    ),
    "meeting": (
        "Attendees and apologies, {date}",
        "Agenda for {weekday} {date}",
        "Updates from {department}",
        "Discussion: {topic}",
        "Decisions on the {component}",
        "Action items from {date}",
        "Open questions on the {initiative}",
        "Next steps for the {deliverable}",
        "Parking lot for {month}: {topic}",
        "Notes on the {artifact}",
        "Follow-ups since the last {meeting}",
        "Risks raised around {risk}",
        "Any other business, {date}",
        "Update from the {team} team",
        "Review of {ticket}",
        "Progress on the {initiative}",
        "Customer feedback from {customer_segment}",
        "Looking at {metric}",
        "Planning for {quarter} {year}",
        "Demo of the {deliverable}",
        "Guest slot with {person}",
        "Status of the {system_area}",
        "Hiring update from {department}",
        "Retro actions from {month}",
        "Questions raised by {first_name}",
    ),
    "announcement": (
        "What is changing in {month}",
        "Why we are changing the {process} process",
        "Dates and timing for the {deliverable}",
        "What you need to do by {date}",
        "Background on the {initiative}",
        "Thank you, {first_name}",
        "Details for {department}",
        "Key dates for the {initiative}",
        "Questions about the {deliverable}",
        "More information in {tool}",
        "Highlights from the {team} team",
        "Next steps after {date}",
        "Who this affects in {department}",
        "A note from {person}",
        "What this means for {customer_segment}",
        "How to get involved in the {event}",
        "Recognition for the {team} team",
        "Changes to the {component}",
        "Conversations about {topic}",
        "Looking ahead to {year} in {department}",
        "Help from {department}",
        "Where to find the {document}",
    ),
    "project": (
        "Goals for {quarter} {year}",
        "Scope of the {initiative}",
        "Out of scope for the {deliverable}",
        "Milestones through {month} {year}",
        "Status as of {date}",
        "Risks including {risk}",
        "Dependencies of the {component}",
        "Stakeholders in {department}",
        "Measuring {metric}",
        "Schedule to {month} {year}",
        "Decisions about the {component}",
        "Next steps for the {team} team",
        "Open questions on the {system_area}",
        "Budget and resourcing for the {deliverable}",
        "Pilot with {customer_segment} in {city}",
        "Work on the {component}",
        "Testing with the {validation}",
        "Rollout to {customer_segment}",
        "Lessons from the {initiative}",
        "Support readiness for the {deliverable}",
        "Communication with {department}",
        "Architecture of the {system_area}",
    ),
    "onboarding": (
        "Before your first day in {department}",
        "Your first week in {department}",
        "Your first month in the {team} team",
        "Accounts, access and {tool}",
        "People to meet in {department}",
        "Reading list on {topic}",
        "Training on {skill}",
        "Getting help with the {system_area}",
        "Starter tasks on the {component}",
        "Office basics in {city}, including {office_place}",
        "Checklist for joiners in {department}",
        "Meeting the {stakeholder_role}",
        "Learning the {system_area}",
        "Understanding {topic} in the {system_area}",
        "First steps with the {service} service",
        "The {event} and other chances to meet {department}",
        "Practising {skill}",
        "Key documents, starting with the {document}",
        "Your buddy and the {team} team",
        "Useful links for {department}",
    ),
    "retrospective": (
        "What went well with the {deliverable}",
        "What could be better next {quarter}, {year}",
        "Surprises along the way with the {component}",
        "Lessons about {topic}",
        "Actions and owners from {date}",
        "Appreciations for {first_name}",
        "Context of the {initiative}",
        "Looking back at {metric}",
        "Themes from {month} {year}",
        "Follow-ups in {ticket}",
        "Team mood in {month} {year}",
        "What we will try with {practice}",
        "Working with {department}",
        "The {validation} in hindsight",
        "Risks we saw around {risk}",
        "Customer view from {customer_segment}",
        "The {component} revisited",
        "Planning and estimates for {quarter}",
        "Communication through {channel}",
        "Things to keep doing, like {practice}",
    ),
    "general": (
        "Overview of {topic}",
        "Background on the {initiative}",
        "Details for {department}",
        "Examples from the {team} team",
        "Related pages and the {document}",
        "History of the {component}",
        "Open questions on {topic}",
        "Summary for the {stakeholder_role}",
        "Notes from {first_name}",
        "Key points on {risk}",
        "Further reading on {topic}",
        "Context from the {city} office on {topic}",
        "Practical tips for {skill}",
        "Terminology in {department}",
        "Working with the {service} service",
        "Using {tool}",
        "How the {system_area} fits in",
        "Common questions about the {process} process",
        "Lessons from {quarter} {year} on {topic}",
        "Where {metric} comes from",
    ),
}
