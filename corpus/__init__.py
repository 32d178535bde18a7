"""The seeded corpus generator (world → Markdown documents → golden questions), for hiring teams."""
