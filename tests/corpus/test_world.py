from corpus.profile import load_profile
from corpus.world import as_printed, build_world


def test_world_is_seeded_and_names_are_unique():
    profile = load_profile("medium")
    a, b = build_world(7, profile), build_world(7, profile)
    assert a.teams == b.teams and a.people == b.people and a.services == b.services
    assert build_world(8, profile).teams != a.teams
    assert len(set(a.people)) == len(a.people)
    assert len({s.name for s in a.services}) == len(a.services)
    models = [m for f in a.families for m in f.models]
    knobs = profile.corpus
    assert len(set(models)) == len(models) == knobs.product_families * knobs.sibling_models


def test_spare_names_are_kept_out_of_the_pools():
    world = build_world(7, load_profile("medium"))
    assert not set(world.spare_teams) & set(world.pools["team"])
    assert not set(world.spare_cities) & set(world.pools["city"])


def test_questions_type_a_model_as_people_do_and_it_reads_back_as_printed():
    family = build_world(7, load_profile("medium")).families[0]
    number = family.numbers[0]
    assert family.asked(number) == f"{family.root} {family.letter}-{number}"
    assert (
        as_printed(f"Is the {family.asked(number)} quiet?")
        == f"Is the {family.model(number)} quiet?"
    )
    assert as_printed("error REC-4785 and GET /v1/x-2") == "error REC-4785 and GET /v1/x-2"
