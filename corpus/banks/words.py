"""Vocabulary banks: names, places, teams, services, products, suppliers and slot word lists."""

from __future__ import annotations

# First names of diverse origins (ASCII, alphabetic, capitalised).
FIRST_NAMES: tuple[str, ...] = (
    "Adrian", "Agnes", "Alba", "Aleksander", "Alessia", "Alice", "Amelie", "Anders", "Anja",
    "Anton", "Astrid", "Beatriz", "Bernardo", "Bianca", "Bruno", "Carla", "Carmen", "Caspar",
    "Clara", "Colm", "Constance", "Dario", "Daniel", "Dominik", "Elena", "Elias", "Elif", "Emil",
    "Emma", "Enzo", "Erik", "Esther", "Fabian", "Felix", "Filippo", "Finn", "Freya", "Gabriel",
    "Greta", "Hannah", "Hugo", "Ines", "Ingrid", "Isabel", "Ivan", "Jakob", "Joana", "Johan",
    "Jonas", "Julia", "Kasia", "Klara", "Lars", "Laura", "Leon", "Lena", "Liam", "Linnea",
    "Lorenzo", "Lucia", "Luka", "Magnus", "Maja", "Marco", "Margot", "Marta", "Mateo", "Matilde",
    "Mikkel", "Nadia", "Niamh", "Nico", "Nora", "Olaf", "Oskar", "Paula", "Pieter", "Rafael",
    "Renata", "Rosa", "Ruairi", "Sander", "Sara", "Sebastian", "Sofia", "Stefan", "Sven", "Teresa",
    "Tobias", "Tomas", "Ulla", "Valentina", "Viktor", "Wiebke", "Zofia", "Zuzana", "Ivo", "Petra",
    "Mirela", "Goran", "Dragana", "Nikola", "Irina", "Dmitri", "Olga", "Oksana", "Taras", "Aarav",
    "Aditi", "Ananya", "Anil", "Arjun", "Deepa", "Devika", "Gaurav", "Harsha", "Ishaan", "Kavya",
    "Kiran", "Lakshmi", "Meera", "Nikhil", "Pooja", "Pradeep", "Priya", "Rahul", "Rajesh", "Rohan",
    "Sanjay", "Shreya", "Sunita", "Tanvi", "Varun", "Vikram", "Yash", "Farhan", "Nusrat", "Tahmina",
    "Imran", "Ayesha", "Bilal", "Zainab", "Sadia", "Anjali", "Siddharth", "Neha", "Manish", "Akira",
    "Daiki", "Haruka", "Hiroshi", "Jia", "Jun", "Kenji", "Mei", "Minji", "Naoko", "Ren", "Sakura",
    "Seojin", "Shun", "Takumi", "Wei", "Xiu", "Yan", "Yuki", "Yuna", "Jisoo", "Hyun", "Haeun",
    "Jiho", "Ling", "Tao", "Xin", "Hana", "Sora", "Kaito", "Riku", "Aiko", "Linh", "Minh", "Thao",
    "Quang", "Bao", "Duc", "Abebe", "Adaeze", "Amara", "Ayodele", "Chidi", "Chinwe", "Efua",
    "Emeka", "Fatou", "Folake", "Kofi", "Kwame", "Lindiwe", "Mandla", "Nia", "Nkechi", "Obinna",
    "Sipho", "Thabo", "Tendai", "Wanjiru", "Yaw", "Zodwa", "Amani", "Baraka", "Makena", "Njeri",
    "Ousmane", "Aminata", "Moussa", "Kagiso", "Naledi", "Tariku", "Selam", "Dawit", "Alejandro",
    "Ana", "Camila", "Carlos", "Catalina", "Diego", "Fernanda", "Gabriela", "Javier", "Jimena",
    "Joaquin", "Lucas", "Luciana", "Manuel", "Mariana", "Martina", "Nicolas", "Pablo", "Ricardo",
    "Rodrigo", "Ximena", "Valeria", "Thiago", "Emilio", "Guadalupe", "Leticia", "Marisol",
    "Octavio", "Ahmad", "Ali", "Amir", "Dalia", "Farah", "Hassan", "Karim", "Layla", "Mariam",
    "Nour", "Omar", "Rami", "Rania", "Salma", "Samir", "Tariq", "Yasmin", "Yousef", "Zeynep",
    "Emre", "Kerem", "Arash", "Darius", "Shirin", "Navid", "Reza", "Noa", "Yael", "Avi", "Eitan",
    "Tamar", "Aroha", "Tane", "Mahina", "Keoni", "Malia",
)

# Surnames of diverse origins (ASCII, alphabetic, capitalised).
LAST_NAMES: tuple[str, ...] = (
    "Raman", "Okafor", "Nakamura", "Fernandes", "Kowalski", "Andersson", "Moreau", "Rossi",
    "Schmidt", "Novak", "Horvat", "Papadopoulos", "Yilmaz", "Haddad", "Mansour", "Khalil", "Nasser",
    "Farouk", "Sharma", "Iyer", "Menon", "Reddy", "Patel", "Gupta", "Chatterjee", "Banerjee",
    "Nair", "Pillai", "Desai", "Joshi", "Kapoor", "Malhotra", "Rao", "Verma", "Bose", "Hussain",
    "Rahman", "Chowdhury", "Siddiqui", "Qureshi", "Khan", "Tanaka", "Suzuki", "Watanabe",
    "Kobayashi", "Yamamoto", "Sato", "Kimura", "Park", "Kim", "Choi", "Jung", "Kang", "Cho", "Yoon",
    "Chen", "Wang", "Zhang", "Liu", "Huang", "Zhao", "Zhou", "Xu", "Guo", "Luo", "Nguyen", "Tran",
    "Pham", "Hoang", "Vu", "Dang", "Santos", "Silva", "Oliveira", "Pereira", "Costa", "Almeida",
    "Carvalho", "Ribeiro", "Gomes", "Martins", "Rodrigues", "Lopes", "Garcia", "Martinez",
    "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres", "Flores", "Rivera",
    "Morales", "Ortiz", "Castillo", "Vargas", "Mendoza", "Rojas", "Herrera", "Medina", "Aguilar",
    "Navarro", "Delgado", "Vega", "Cabrera", "Fuentes", "Acosta", "Ibarra", "Quintero", "Salazar",
    "Espinoza", "Mensah", "Owusu", "Boateng", "Asante", "Adeyemi", "Okonkwo", "Nwosu", "Eze",
    "Balogun", "Bello", "Abubakar", "Diallo", "Traore", "Keita", "Ndiaye", "Diop", "Dlamini",
    "Nkosi", "Khumalo", "Ndlovu", "Mokoena", "Mutua", "Kamau", "Otieno", "Wanjala", "Kiplagat",
    "Tesfaye", "Bekele", "Girma", "Haile", "Mulugeta", "Murphy", "Kelly", "Byrne", "Walsh", "Doyle",
    "Brennan", "Gallagher", "Quinn", "MacLeod", "Campbell", "Fraser", "Stewart", "Evans", "Hughes",
    "Morgan", "Davies", "Thompson", "Whitfield", "Ashworth", "Pemberton", "Hartley", "Lindqvist",
    "Johansson", "Nilsson", "Dahl", "Holm", "Virtanen", "Korhonen", "Makinen", "Nieminen", "Jensen",
    "Hansen", "Larsen", "Christensen", "Mortensen", "Bakker", "Visser", "Smit", "Jansen", "Peeters",
    "Maes", "Janssens", "Dubois", "Fontaine", "Girard", "Rousseau", "Bonnet", "Mercier", "Lefebvre",
    "Bernard", "Weber", "Fischer", "Wagner", "Becker", "Hoffmann", "Schulz", "Richter", "Keller",
    "Huber", "Gruber", "Steiner", "Moser", "Brunner", "Bianchi", "Romano", "Colombo", "Ricci",
    "Greco", "Conti", "Esposito", "Lombardi", "Moretti", "Barbieri", "Caruso", "Jimenez", "Ruiz",
    "Alvarez", "Romero", "Molina", "Serrano", "Castro", "Ortega", "Rubio", "Iglesias", "Nowak",
    "Wojcik", "Kaminski", "Lewandowski", "Zielinski", "Szymanski", "Dvorak", "Svoboda", "Novotny",
    "Kovacs", "Szabo", "Toth", "Nagy", "Popescu", "Ionescu", "Georgiou", "Nikolaidis", "Demir",
    "Kaya", "Sahin", "Celik", "Arslan", "Aydin", "Ozturk", "Cohen", "Levi", "Friedman", "Shapiro",
    "Mizrahi", "Katz", "Petrov", "Ivanov", "Smirnov", "Sokolov", "Volkov", "Kuznetsov", "Morozov",
    "Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko", "Tamura", "Hayashi", "Matsumoto", "Inoue",
    "Fujita", "Ogawa", "Okada", "Ishikawa", "Aoki", "Kahale", "Ngata", "Tupou",
)

# Real cities that can host an office (one or two words).
CITIES: tuple[str, ...] = (
    "Lisbon", "Porto", "Madrid", "Barcelona", "Valencia", "Seville", "Paris", "Lyon", "Marseille",
    "Berlin", "Munich", "Hamburg", "Vienna", "Zurich", "Geneva", "Milan", "Turin", "Rome",
    "Amsterdam", "Rotterdam", "Brussels", "Antwerp", "Copenhagen", "Stockholm", "Oslo", "Helsinki",
    "Dublin", "Edinburgh", "Manchester", "London", "Warsaw", "Krakow", "Prague", "Budapest",
    "Bucharest", "Athens", "Istanbul", "Tallinn", "Riga", "Vilnius", "Toronto", "Montreal",
    "Vancouver", "Boston", "Chicago", "Denver", "Austin", "Seattle", "Atlanta", "New York",
    "San Francisco", "Mexico City", "Bogota", "Lima", "Santiago", "Buenos Aires", "Sao Paulo",
    "Nairobi", "Lagos", "Accra", "Cape Town", "Johannesburg", "Cairo", "Casablanca", "Dubai",
    "Bangalore", "Pune", "Hyderabad", "Chennai", "Singapore", "Tokyo", "Osaka", "Seoul", "Taipei",
    "Manila", "Jakarta", "Sydney", "Melbourne", "Auckland", "Wellington", "Kuala Lumpur",
    "Montevideo", "Kigali", "Tunis", "Doha",
)

# Team code names: birds, trees, minerals, rivers and constellations.
TEAM_NAMES: tuple[str, ...] = (
    "Falcon", "Heron", "Osprey", "Kestrel", "Plover", "Curlew", "Egret", "Ibis", "Pelican",
    "Puffin", "Gannet", "Albatross", "Condor", "Harrier", "Kingfisher", "Lapwing", "Nightjar",
    "Oriole", "Petrel", "Shrike", "Starling", "Tern", "Warbler", "Wren", "Magpie", "Avocet",
    "Bittern", "Dunlin", "Godwit", "Sandpiper", "Cormorant", "Goshawk", "Peregrine", "Hoopoe",
    "Toucan", "Kookaburra", "Juniper", "Cedar", "Maple", "Birch", "Alder", "Larch", "Hawthorn",
    "Sequoia", "Cypress", "Linden", "Sycamore", "Acacia", "Baobab", "Tamarack", "Hemlock", "Basalt",
    "Cobalt", "Feldspar", "Garnet", "Gypsum", "Malachite", "Obsidian", "Onyx", "Pyrite", "Quartz",
    "Topaz", "Zircon", "Agate", "Dolomite", "Galena", "Hematite", "Cinnabar", "Azurite", "Fluorite",
    "Tourmaline", "Corundum", "Danube", "Volga", "Mekong", "Yukon", "Orinoco", "Zambezi", "Limpopo",
    "Indus", "Tigris", "Loire", "Elbe", "Tagus", "Severn", "Cygnus", "Draco", "Pegasus",
    "Andromeda", "Cassiopeia", "Perseus", "Aquila", "Altair", "Rigel", "Deneb", "Vela", "Lynx",
    "Corvus", "Auriga", "Centaurus",
)

# Internal services, written 'the {name} service' in prose.
SERVICE_NAMES: tuple[str, ...] = (
    "ledger", "courier", "billing", "catalog", "payouts", "identity", "scheduler", "notifier",
    "inventory", "invoicing", "checkout", "ratings", "profiles", "sessions", "metering", "shipping",
    "fulfilment", "tracking", "telemetry", "ingest", "exporter", "consent", "vault", "keystore",
    "tokens", "webhooks", "mailer", "messaging", "thumbnails", "uploads", "replicator", "indexer",
    "crawler", "recommender", "ranking", "quotes", "tenancy", "entitlements", "licensing",
    "provisioning", "registry", "flags", "experiments", "forecasting", "routing", "dispatch",
    "geocoder", "bookings", "reservations", "loyalty", "rewards", "refunds", "disputes", "payroll",
    "timesheets", "procurement", "helpdesk", "surveys", "translations", "renderer", "printing",
    "fleet", "diagnostics", "heartbeat", "relay", "broker", "wallet", "coupons", "receipts",
    "orders", "carts", "vouchers", "manifests", "transcoder", "archiver", "signer", "locator",
    "feeds", "digest", "subscriptions", "settlements", "remittance", "statements",
)

# Invented brand words for hardware product lines.
PRODUCT_ROOTS: tuple[str, ...] = (
    "Aster", "Corvane", "Talisk", "Brevik", "Calvora", "Elvane", "Fenrik", "Halvik", "Ivaro",
    "Jorvane", "Kelvra", "Marlix", "Nevra", "Orvan", "Pellix", "Quenta", "Ravell", "Solvane",
    "Tervik", "Ulmara", "Valdris", "Wexlor", "Xandri", "Zoltane", "Abrix", "Belmora", "Cindral",
    "Dravos", "Estrel", "Gorvath", "Hestra", "Ilvane", "Jentra", "Korvel", "Lestrin", "Movara",
    "Norrik", "Oskel", "Pravix", "Quorin", "Rendra", "Sallix", "Tovrin", "Umbrel", "Vantrel",
    "Wyvane", "Yselle", "Zarvik", "Alvetta", "Branik", "Coravel", "Delvra", "Erravin", "Fintrel",
    "Harnex", "Jarvel", "Kestrin", "Lorvane", "Nalvik", "Olstra", "Pentrel", "Rovane", "Stellix",
    "Tarvo", "Uvrel", "Vesmir", "Welkra", "Xylor", "Yavrin", "Zephrel", "Arkelle", "Bovrin",
    "Caltrex", "Dunmora", "Elkrin", "Fravell", "Glimra", "Holvane", "Istrel", "Jovik", "Kavrel",
    "Lunvik", "Morvane", "Nestrel", "Orlix", "Palvane", "Quarvel", "Rimbrel", "Sorvik", "Trennix",
    "Ulvik", "Varnel", "Wendrix", "Yorvane", "Zelmar", "Cavrel", "Dorvik", "Emvara", "Feltrin",
    "Gavrik", "Hollix", "Irvane", "Kalmor", "Lindrel", "Mevrik", "Novrel", "Ostrix", "Prenvik",
    "Rasmel", "Sevrin", "Tolvane", "Vorlix", "Wintrel",
)

# Hardware device categories (lower case).
PRODUCT_CATEGORIES: tuple[str, ...] = (
    "edge router", "thermal printer", "barcode scanner", "access point", "network switch",
    "label printer", "handheld terminal", "payment terminal", "receipt printer",
    "environmental sensor", "smart lock", "security camera", "door controller", "IoT gateway",
    "kiosk display", "rugged tablet", "asset tracker", "temperature logger", "RFID reader",
    "telematics unit", "signage player", "conference speakerphone", "docking station",
    "thin client", "industrial controller", "vibration sensor", "air quality monitor",
    "occupancy sensor", "wireless bridge", "cellular modem", "time clock", "queue display",
    "card reader", "electronic shelf label", "body camera", "dash camera", "mesh node",
    "leak detector", "parcel locker controller",
)

# Invented organisation names.
ORG_NAMES: tuple[str, ...] = (
    "Norvale", "Kestravia", "Lumenor", "Thornvale", "Ashgrove", "Briarwood", "Caldmoor", "Delmarch",
    "Elmstead", "Fairholt", "Glenmarch", "Ironvale", "Kingsmere", "Marrowby", "Oakhollow",
    "Quillmark", "Redhaven", "Silverbeck", "Tidewell", "Umberlane", "Valemont", "Westerly",
    "Yarrowfield", "Altmore", "Bramblecourt", "Driftwell", "Evenmoor", "Foxmere", "Greyfield",
    "Hollowmere", "Ivyridge", "Loamfield", "Orrisdale", "Pellmoor", "Ravenholt", "Stonemere",
    "Thistledown", "Vantmoor", "Welmoor", "Amberlane", "Cresthaven", "Dovemark", "Fernhollow",
    "Goldmere", "Hazelmont",
)

# Leading words of supplier names, e.g. 'Meridian Catering'.
SUPPLIER_WORDS: tuple[str, ...] = (
    "Atlas", "Harbour", "Meridian", "Summit", "Keystone", "Pinnacle", "Horizon", "Beacon",
    "Crescent", "Evergreen", "Northgate", "Southbank", "Riverside", "Lakeside", "Hillcrest",
    "Greenleaf", "Bluewater", "Redstone", "Whitestone", "Blackwood", "Silverline", "Goldcrest",
    "Brightpath", "Clearview", "Fairway", "Oakridge", "Pinewood", "Cornerstone", "Landmark",
    "Milestone", "Compass", "Anchor", "Bridge", "Harvest", "Orchard", "Meadow", "Willowbrook",
    "Foxglove", "Primrose", "Heather", "Thistle", "Castle", "Abbey", "Priory", "Market", "Union",
    "Central", "Metro", "County", "Regional", "National", "Premier", "Apex", "Vertex", "Zenith",
    "Vista", "Stellar", "Nova", "Polar", "Arctic", "Coastal", "Highland", "Valley", "Ridge", "Mill",
    "Forge", "Foundry", "Granary", "Wharf", "Quay", "Dockside", "Ferry", "Junction", "Crossway",
    "Copper", "Ivory", "Amberley", "Ashford", "Bexley", "Carrington", "Dalton", "Ellison",
    "Fairfax", "Grafton", "Hadley", "Kingsley", "Langley", "Marlow", "Preston", "Radley",
    "Sterling", "Thornton", "Wexford", "Whitmore",
)

# Trailing words of supplier names.
SUPPLIER_SUFFIXES: tuple[str, ...] = (
    "Logistics", "Facilities Services", "Catering", "Cleaning", "Office Supplies",
    "Security Services", "Print and Copy", "Travel Management", "IT Services", "Couriers",
    "Furniture", "Waste Management", "Energy", "Staffing", "Maintenance", "Coffee Company",
    "Plant Care", "Translation Services", "Hardware Distribution", "Electronics Manufacturing",
    "Packaging", "Freight", "Events", "Recruitment", "Consulting", "Legal Services",
    "Insurance Brokers", "Telecoms",
)

# Word lists for template slots. Each comment says how a value reads inside a
# template; values are lower case unless they hold a proper noun or acronym.
WORDS: dict[str, tuple[str, ...]] = {
    # an internal tool or page, with its article: "moved tracking into {tool}"
    "tool": (
        "the deploy dashboard", "the release checklist", "the capacity planner spreadsheet",
        "the incident timeline tool", "the cost explorer", "the feature flag console",
        "the access request portal", "the shared runbook index", "the service catalogue",
        "the build farm status page", "the log search console", "the trace viewer",
        "the alert routing config", "the schema registry browser", "the expense tool",
        "the travel booking portal", "the hiring tracker", "the goals tracker",
        "the planning board", "the roadmap spreadsheet", "the vendor register",
        "the asset inventory sheet", "the laptop enrolment portal", "the room booking app",
        "the internal wiki", "the design system site", "the synthetic check runner",
        "the canary analysis report", "the dependency scanner", "the secrets manager",
        "the data catalogue", "the query notebook", "the weekly metrics digest",
        "the customer health dashboard", "the support ticket queue", "the change calendar",
        "the postmortem template", "the team health survey", "the onboarding tracker",
        "the architecture decision log",
    ),
    # a measure, no article: "the trend in {metric}"
    "metric": (
        "checkout latency", "error budget burn", "deploy frequency", "change failure rate",
        "mean time to restore", "queue depth", "cache hit ratio", "cold start time",
        "page load time", "crash-free sessions", "ticket backlog", "first response time",
        "build duration", "test flakiness", "cloud spend", "storage growth", "tail read latency",
        "signup conversion", "trial activation", "customer churn", "net revenue retention",
        "support satisfaction", "alert volume", "pager noise", "replication lag",
        "disk utilisation", "memory headroom", "connection pool saturation", "retry volume",
        "dead letter volume", "order accuracy", "defect escape rate", "onboarding completion",
        "survey participation", "review turnaround", "cycle time", "lead time for changes",
        "search click-through",
    ),
    # a software component, used as "the {component}"
    "component": (
        "retry queue", "config loader", "session cache", "connection pool", "job runner",
        "webhook dispatcher", "schema migrator", "token refresher", "feature flag client",
        "metrics exporter", "audit log writer", "search indexer", "image resizer", "PDF renderer",
        "email templating layer", "currency converter", "tax calculator", "address validator",
        "event consumer", "outbox relay", "circuit breaker", "health probe", "sidecar proxy",
        "cron scheduler", "batch exporter", "payment adapter", "CSV importer",
        "permissions resolver", "notification fan-out", "read replica router", "blob uploader",
        "locale loader", "checksum verifier", "cache warmer", "backfill worker",
        "deduplication filter",
    ),
    # a programme of work, used as "the {initiative}"
    "initiative": (
        "cost reduction programme", "observability overhaul", "platform consolidation",
        "accessibility push", "legacy data cleanup", "single sign-on rollout", "monorepo migration",
        "zero-downtime deploys effort", "supplier consolidation", "carbon reporting project",
        "self-serve onboarding work", "API deprecation plan", "multi-region readiness work",
        "test suite modernisation", "design system adoption", "documentation sprint",
        "hiring pipeline refresh", "warehouse automation pilot", "customer portal redesign",
        "mobile app rewrite", "billing platform migration", "security hardening programme",
        "incident review reform", "internal tooling refresh", "offline mode project",
        "partner integration programme", "localisation effort", "quality of life backlog",
        "dependency upgrade campaign", "queue replacement project",
    ),
    # a recurring meeting, used as "the {meeting}"
    "meeting": (
        "architecture review", "planning session", "weekly sync", "quarterly business review",
        "design critique", "demo day", "monthly retro", "incident review", "roadmap review",
        "budget check-in", "all-hands", "town hall", "office hours", "leadership offsite",
        "vendor review", "risk review", "hiring debrief", "sprint review", "backlog refinement",
        "capacity review", "security review", "launch readiness review", "customer advisory board",
        "brown bag session", "reading group", "cross-team sync", "operations review",
    ),
    # a working document, used as "the {artifact}"
    "artifact": (
        "design doc", "runbook draft", "dependency map", "rollout plan", "decision record",
        "threat model", "capacity forecast", "test plan", "migration checklist", "launch brief",
        "release notes", "sequence diagram", "data flow diagram", "cost model", "risk register",
        "interview rubric", "onboarding checklist", "style guide", "FAQ page", "comparison matrix",
        "proof of concept", "benchmark notebook", "load test report", "service map",
        "post-incident summary", "glossary", "API changelog", "support macro set", "training deck",
        "requirements doc",
    ),
    # a risk, no article: "worried about {risk}"
    "risk": (
        "vendor lock-in", "schema drift", "alert fatigue", "key-person dependency", "scope creep",
        "unplanned downtime", "data loss during cutover", "cost overrun", "slipping dates",
        "stale documentation", "credential leakage", "noisy neighbours on shared clusters",
        "regulatory exposure", "thundering herd effects", "cache stampedes", "partial rollouts",
        "config drift", "brittle integration tests", "unclear ownership", "supply chain delays",
        "component shortages", "single points of failure", "burnout", "long-lived feature branches",
        "untested restore paths", "missing audit trails", "licence non-compliance",
        "performance regressions", "silent data corruption", "dependency rot",
    ),
    # customers, always plural: "{customer_segment} asked for"
    "customer_segment": (
        "enterprise retail customers", "small clinics", "regional logistics firms",
        "independent cafes", "university labs", "public sector buyers", "mid-market manufacturers",
        "early adopters", "self-serve customers", "channel partners", "franchise operators",
        "hospital networks", "boutique hotels", "grocery chains", "field service teams",
        "nonprofits", "co-working operators", "schools", "municipal transit agencies", "pharmacies",
        "trial users", "reseller partners", "warehouse operators", "event venues",
        "research institutes", "family-run shops", "large distributors", "marine operators",
        "farm cooperatives", "car rental branches",
    ),
    # an output, used as "the {deliverable}"
    "deliverable": (
        "migration guide", "pilot report", "rollout checklist", "training module",
        "final recommendation", "first prototype", "beta build", "integration spec",
        "reference architecture", "public changelog", "customer webinar", "internal demo",
        "readiness assessment", "cost breakdown", "vendor shortlist", "survey summary",
        "hiring plan", "launch announcement", "transition pack", "playbook", "benchmark results",
        "usability study", "quarterly report", "evaluation memo", "support runbook",
        "data dictionary", "partner toolkit",
    ),
    # a process name, used as "the {process} process"
    "process": (
        "change approval", "quarterly planning", "access review", "vendor onboarding", "release",
        "incident review", "expense reconciliation", "code review", "hiring", "performance review",
        "budget", "procurement", "deprecation", "asset tracking", "offboarding",
        "security exception", "capacity planning", "goal setting", "month-end close",
        "data deletion request", "feature request triage", "purchase order", "design review",
        "dependency upgrade", "licence renewal", "travel booking", "desk booking", "intake",
        "postmortem",
    ),
    # a subject, no article: "a talk on {topic}"
    "topic": (
        "capacity planning", "accessibility", "observability", "cost attribution", "data quality",
        "developer experience", "localisation", "privacy by design", "resilience testing",
        "supplier risk", "internal mobility", "mentoring", "documentation quality", "API design",
        "caching strategy", "mobile performance", "sustainability", "testing culture",
        "schema evolution", "search relevance", "feature flag hygiene", "secrets rotation",
        "batch versus streaming", "hiring practices", "remote collaboration", "knowledge sharing",
        "queue semantics", "edge caching", "inclusive design", "incident communication",
        "forecasting accuracy",
    ),
    # a reference document, used as "the {document}"
    "document": (
        "onboarding guide", "architecture overview", "engineering handbook", "security baseline",
        "writing guide", "office handbook", "team charter", "contributor guide", "release handbook",
        "support playbook", "data classification guide", "API reference", "incident handbook",
        "hiring guide", "manager handbook", "brand guidelines", "accessibility checklist",
        "meeting norms page", "decision log", "tech radar", "platform roadmap",
        "glossary of internal terms", "service ownership guide", "testing guide",
        "customer communications guide",
    ),
    # a role, used as "the {stakeholder_role}"
    "stakeholder_role": (
        "finance partner", "security reviewer", "product manager", "legal counsel",
        "data protection officer", "procurement specialist", "customer success manager",
        "engineering manager", "design lead", "staff engineer", "site reliability engineer",
        "release manager", "people partner", "office manager", "solutions architect",
        "account executive", "quality engineer", "technical writer", "user researcher",
        "programme manager", "compliance analyst", "facilities coordinator", "sales engineer",
        "field technician", "hardware engineer", "supply chain planner", "finance controller",
        "internal auditor",
    ),
    # part of the platform, used as "the {system_area}"
    "system_area": (
        "billing pipeline", "auth layer", "event bus", "data warehouse", "mobile client",
        "web frontend", "admin console", "public API", "deploy pipeline", "CI runners",
        "object storage tier", "search cluster", "reporting layer", "notification stack",
        "device fleet backend", "provisioning flow", "onboarding funnel", "checkout flow",
        "identity platform", "edge network", "internal network", "build system", "test harness",
        "job scheduler", "email delivery path", "data lake", "feature store", "observability stack",
        "secrets pipeline", "partner integrations layer",
    ),
    # a transitive simple-past verb: "the {team} team {verb_past} the {artifact}"
    "verb_past": (
        "reviewed", "migrated", "documented", "simplified", "reworked", "audited", "benchmarked",
        "deprecated", "retired", "refactored", "stabilised", "instrumented", "consolidated",
        "untangled", "split up", "hardened", "prototyped", "piloted", "updated", "reorganised",
        "trimmed", "streamlined", "revisited", "catalogued", "published", "translated", "validated",
        "polished", "mapped out", "rebuilt", "tidied up", "profiled", "upgraded", "archived",
        "circulated", "rewired",
    ),
    # an attributive adjective: "the {adjective} rollout"
    "adjective": (
        "careful", "pragmatic", "incremental", "thorough", "lightweight", "conservative",
        "ambitious", "phased", "opt-in", "reversible", "cautious", "deliberate", "measured",
        "iterative", "modest", "staged", "targeted", "structured", "focused", "collaborative",
        "flexible", "methodical", "gradual", "leaner", "transparent", "low-risk", "time-boxed",
        "well-scoped", "predictable",
    ),
    # a trailing time adverbial: "we expect it {timeframe_phrase}"
    "timeframe_phrase": (
        "by the end of the quarter", "over the next few sprints", "before the holiday freeze",
        "early next month", "within the next fortnight", "ahead of the summer break",
        "later this year", "in the coming weeks", "once the migration lands",
        "after the planning cycle closes", "before the next all-hands", "by mid-quarter",
        "during the next release train", "as soon as capacity frees up",
        "in the first half of next year", "before the budget cycle", "after the holidays",
        "sometime next quarter", "once the new hires ramp up", "in parallel with the audit",
        "over the summer", "during the autumn planning window", "right after the launch",
        "before the office move", "once the pilot wraps up",
    ),
    # a purpose clause: "we made the change {reason}"
    "reason": (
        "to reduce manual toil", "to cut noise in the alert channels", "to make ownership clearer",
        "to lower cloud spend", "to unblock the partner rollout",
        "to simplify onboarding for new joiners", "to address the audit findings",
        "to remove a single point of failure", "to speed up code review",
        "to keep the docs in sync with reality", "to give customers more predictable releases",
        "to avoid duplicate work across teams", "to shorten feedback loops",
        "to retire unsupported dependencies", "to improve test coverage on critical paths",
        "to make planning more honest", "to reduce context switching",
        "to free up time for roadmap work", "to align with the security baseline",
        "to make costs visible per team", "to prepare for the next growth phase",
        "to make incidents easier to diagnose", "to standardise how we track decisions",
        "to keep support queues manageable", "to protect focus time",
        "to reduce the blast radius of deploys", "to improve accessibility for all users",
        "to lower the barrier for contributors",
    ),
    # a gerund phrase: "comfortable {skill}"
    "skill": (
        "reading flame graphs", "writing clear incident notes", "navigating the monorepo",
        "running a local stack", "using the tracing tools", "reviewing pull requests kindly",
        "estimating work honestly", "drafting design docs", "querying the data warehouse",
        "pairing with support", "triaging alerts", "writing migration scripts",
        "presenting at demo day", "facilitating retros", "giving feedback",
        "shipping behind feature flags", "profiling slow queries", "reading the billing schema",
        "handling customer data safely", "testing against staging", "writing release notes",
        "using the design system", "spotting flaky tests", "budgeting cloud resources",
        "asking for help early", "sketching architecture diagrams",
    ),
    # a part of an office, with its article: "near {office_place}"
    "office_place": (
        "the kitchen", "the bike storage", "the library corner", "the phone booths",
        "the roof terrace", "the main meeting room", "the wellness room", "the print corner",
        "the mail room", "the big whiteboard wall", "the lounge area", "the game room",
        "the shower rooms", "the coffee bar", "the focus pods", "the visitor lounge",
        "the courtyard", "the lift lobby", "the supply cupboard", "the event space",
        "the nursing room", "the loading bay", "the lab bench area", "the quiet zone",
        "the project room", "the balcony",
    ),
    # a company event, used as "the {event}"
    "event": (
        "summer offsite", "hack week", "charity run", "winter party", "book club",
        "lunch and learn", "board game night", "new joiner breakfast", "pub quiz", "wellbeing week",
        "family day", "sports afternoon", "cooking class", "photo walk", "film night",
        "accessibility awareness day", "innovation day", "open studio", "customer day",
        "career fair", "mentoring mixer", "year-end celebration", "founders day", "coding dojo",
        "science fair for kids",
    ),
    # a complaint, no article: "slowed down by {concern}"
    "concern": (
        "unclear ownership boundaries", "too many meetings", "slow review cycles",
        "patchy documentation", "unreliable test environments", "noisy alerts", "confusing naming",
        "tooling sprawl", "long build times", "missing context in tickets", "duplicate dashboards",
        "unclear priorities", "fragile deploy scripts", "inconsistent access controls",
        "surprise dependencies", "flaky integration tests", "late design input", "slow procurement",
        "stale runbooks", "vague acceptance criteria", "poor search in the wiki",
        "slow laptop provisioning", "limited staging capacity", "unclear cost ownership",
        "constant context switching",
    ),
    # a change for the better, no article: "we rolled out {improvement}"
    "improvement": (
        "faster code review turnaround", "clearer release notes", "fewer manual steps",
        "better alert descriptions", "cleaner dashboards", "simpler onboarding",
        "quicker laptop setup", "consistent naming", "tighter feedback loops",
        "more reliable staging", "smaller pull requests", "shared templates",
        "better search in the wiki", "automated dependency updates", "self-serve access requests",
        "clearer ownership labels", "structured incident timelines", "earlier design reviews",
        "cheaper test environments", "richer trace context", "faster local builds",
        "predictable release trains", "fewer hops for approvals", "friendlier error messages",
        "fewer late-night deploys", "shorter approval chains", "clearer meeting agendas",
    ),
    # a test or trial, used as "the {validation}"
    "validation": (
        "load test", "soak test", "canary", "smoke test", "chaos drill", "restore drill",
        "failover test", "contract test suite", "penetration test", "accessibility audit",
        "usability test", "regression run", "shadow traffic test", "dry run", "tabletop exercise",
        "burn-in test", "drop test", "compatibility matrix run", "fuzzing campaign",
        "schema diff check", "end-to-end suite", "beta programme", "field trial", "dark launch",
        "split test",
    ),
    # records, always plural: "changes to {data_kind}"
    "data_kind": (
        "invoice records", "shipment events", "audit logs", "user profiles", "device heartbeats",
        "support transcripts", "order histories", "payment intents", "search queries",
        "feature flag states", "clickstream events", "warehouse scans", "sensor readings",
        "crash reports", "access logs", "tax documents", "consent records", "session tokens",
        "email bounces", "survey responses", "build artefacts", "trace spans",
        "billing adjustments", "catalogue entries", "returns requests",
    ),
    # a base-form verb phrase: "agreed to {action}"
    "action": (
        "update the runbook links", "tidy up the alert routing rules",
        "send the draft to the wider group", "book time with the security reviewers",
        "write up the decision", "close the stale tickets", "check the dashboards after the change",
        "collect feedback from support", "file follow-up tickets", "share the recording",
        "archive the old pages", "pair with the new joiners", "review the test plan",
        "draft the migration guide", "schedule a follow-up session", "ping the data team",
        "sanity check the numbers", "prune unused feature flags", "rename the confusing metrics",
        "publish the summary in the newsletter", "walk the support team through the change",
        "refresh the architecture diagram", "add alerts for the new queue",
        "compare the two vendor proposals", "run the restore drill again",
        "clean up the shared drive", "set up the demo environment",
    ),
    # a result, no article: "we saw {outcome}"
    "outcome": (
        "fewer noisy pages", "quicker onboarding", "smaller deploys", "more predictable planning",
        "lower cloud bills", "happier support agents", "less duplicated work",
        "faster incident diagnosis", "cleaner ownership lines", "better test coverage",
        "shorter review queues", "fewer surprise dependencies", "simpler release notes",
        "steadier error rates", "more confident rollbacks", "tidier dashboards",
        "less context switching", "stronger audit evidence", "calmer release days",
        "shorter build times", "more consistent documentation", "warmer customer feedback",
        "less manual data entry", "more accurate forecasts", "quieter weekends",
    ),
    # a lower-case clause: "we agreed that {lesson}"
    "lesson": (
        "small changes ship more safely than large ones",
        "alerts without owners tend to be ignored", "written decisions save time later",
        "early demos surface misunderstandings cheaply",
        "dashboards nobody reads should be deleted", "runbooks rot unless someone exercises them",
        "estimates improve when the people doing the work make them",
        "a clear rollback plan makes approvals easier",
        "shared vocabulary matters more than shared tooling",
        "vendor timelines need generous buffers", "feature flags need an expiry plan",
        "testing restores matters as much as taking backups",
        "customers notice consistency more than speed",
        "pairing across teams spreads context quickly",
        "onboarding docs are only as good as their last reader", "meetings without agendas drift",
        "dependencies deserve explicit owners", "quiet periods are the best time for migrations",
        "asking support early prevents surprises", "naming things carefully pays off",
        "a pilot with real users beats a long specification",
        "cross-team reviews catch unstated assumptions",
        "deadlines set without engineering input rarely hold",
        "good defaults beat long documentation", "celebrating progress keeps long projects alive",
    ),
    # a "for ..." phrase: "thanks to {person} {thanks_reason}"
    "thanks_reason": (
        "for staying late to verify the rollback", "for the careful review of the design doc",
        "for pairing with new joiners all week", "for untangling the permissions mess",
        "for organising the offsite", "for writing such clear notes",
        "for covering support during the launch", "for chasing the vendor on our behalf",
        "for the patient walkthrough of the billing schema",
        "for turning the feedback around so quickly", "for tidying the shared drive",
        "for running the restore drill", "for translating the guide",
        "for spotting the config drift before it mattered",
        "for keeping everyone calm during the incident", "for hosting the brown bag session",
        "for the excellent demo", "for mentoring the interns", "for rebuilding the dashboards",
        "for rewriting the onboarding checklist", "for cleaning up the alert rules",
        "for testing the new laptops", "for the thoughtful retro facilitation",
        "for collecting the survey results", "for documenting the edge cases",
    ),
    # an environment, used as "the {environment}"
    "environment": (
        "staging environment", "sandbox cluster", "load test environment", "preview environment",
        "production cluster", "disaster recovery site", "shared QA environment",
        "integration environment", "performance lab", "demo environment", "canary pool",
        "ephemeral test stacks", "hardware test bench", "partner sandbox", "training environment",
        "blue deployment slot", "green deployment slot", "analytics replica", "internal beta ring",
        "regional failover cluster", "build cache cluster", "developer sandbox", "reference lab",
        "pre-production mirror", "fuzzing farm",
    ),
    # a device part, used as "the {hardware_part}"
    "hardware_part": (
        "antenna module", "front panel", "display module", "sensor board", "enclosure lid",
        "status lights", "reset button", "cable harness", "thermal pad", "print head",
        "scan engine", "keypad", "SIM tray", "gasket", "label window", "packaging insert",
        "quick start card", "hinge assembly", "light pipe", "wall plate", "cable gland",
        "rubber feet", "screen protector", "side vents", "serial number plate",
    ),
    # a working practice, no article: "we tried {practice}"
    "practice": (
        "pair programming", "blameless reviews", "trunk-based development", "written proposals",
        "asynchronous updates", "feature flags", "design reviews", "mob programming",
        "test-driven development", "dogfooding", "chaos engineering", "code ownership files",
        "release trains", "decision records", "open office hours", "shadowing",
        "rotating facilitation", "error budgets", "weekly demos", "lightweight RFCs",
        "ticket grooming", "no-meeting afternoons", "documentation days", "peer feedback",
        "structured interviews",
    ),
    # a frequency phrase: "reviewed {cadence}"
    "cadence": (
        "every other week", "once a month", "at the start of each sprint", "twice a quarter",
        "after each release", "on Friday afternoons", "at the end of every month",
        "once per planning cycle", "each quarter", "whenever a major incident closes",
        "every six weeks", "after every launch", "on the first working day of the month",
        "every two sprints", "when the backlog grows", "twice a year", "at each milestone",
        "before every major release", "weekly during the pilot", "after each customer visit",
        "at the halfway point of each project", "once the quarter closes",
        "in the last week of each term", "every few weeks", "at every phase gate",
    ),
    # a community or gathering, used as "the {forum}"
    "forum": (
        "monthly all-hands", "engineering guild", "architecture forum", "security guild",
        "data community", "frontend guild", "product forum", "quarterly town hall",
        "tech talks series", "leadership forum", "design community", "platform community",
        "reliability guild", "writing circle", "hardware forum", "operations review",
        "learning hub", "people forum", "mobile guild", "quality community", "support community",
        "research circle", "infrastructure guild", "accessibility circle", "new joiner forum",
        "sustainability group",
    ),
    # a status, no article: "the work is {status}"
    "status": (
        "on track", "slightly behind", "ahead of plan", "at risk", "blocked on review",
        "in final testing", "waiting on procurement", "mostly done", "paused for now",
        "ready for sign-off", "in early discovery", "in design", "halfway through", "wrapping up",
        "in pilot", "being re-scoped", "back on schedule", "in code review", "under evaluation",
        "partially rolled out", "awaiting legal input", "in user testing", "nearly finished",
        "still exploratory", "deprioritised for now",
    ),
    # a department, no article: "colleagues from {department}"
    "department": (
        "finance", "legal", "people operations", "facilities", "procurement", "sales", "marketing",
        "customer support", "customer success", "IT", "security", "data", "design", "engineering",
        "operations", "supply chain", "manufacturing", "quality assurance", "partnerships",
        "communications", "internal audit", "product", "research", "hardware", "field services",
    ),
    # an office amenity, always plural: "more {amenity}"
    "amenity": (
        "standing desks", "monitor arms", "ergonomic chairs", "coffee machines", "water fountains",
        "bike racks", "charging stations", "quiet pods", "whiteboards", "video conferencing kits",
        "plants", "blackout blinds", "fruit deliveries", "snack shelves", "umbrella stands",
        "desk lamps", "footrests", "headsets", "shared laptops", "recycling bins", "air purifiers",
        "lounge sofas", "acoustic panels", "tea selections", "board games",
    ),
    # an API feature, used as "the {api_concept}"
    "api_concept": (
        "pagination cursor", "idempotency key", "webhook signature", "error envelope",
        "bulk endpoint", "sandbox credentials", "OAuth scopes", "request tracing header",
        "field mask", "retry guidance", "deprecation header", "changelog feed", "schema file",
        "client library", "sorting parameter", "filter syntax", "event payload",
        "batch import endpoint", "long-running operation model", "status endpoint",
        "health check route", "partial response format", "resource naming scheme",
        "sample collection", "SDK generator", "sunset notice",
    ),
}
