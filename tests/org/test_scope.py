"""Jurisdiction is a region-code prefix: a user sees their centre's region and everything below."""

from datetime import date

from jiefen.org import selectors


def _codes(queryset):
    return {r.code for r in queryset}


def _centre_codes(queryset):
    return {c.region.code for c in queryset}


def test_town_clerk_jurisdiction_is_the_nine_digit_town_prefix(cast):
    assert cast.town_clerk.jurisdiction_prefix == "990121100"


def test_county_clerk_jurisdiction_is_the_six_digit_county_prefix(cast):
    assert cast.county_clerk.jurisdiction_prefix == "990121"


def test_village_clerk_jurisdiction_is_the_whole_village_code(cast):
    assert cast.village_clerk.jurisdiction_prefix == "990121100201"


def test_town_clerk_sees_their_town_and_its_village_but_not_the_other_town(cast):
    regions = _codes(selectors.regions_in_scope(cast.town_clerk))

    assert regions == {"990121100000", "990121100201"}
    assert cast.other_town_region.code not in regions
    assert cast.other_village_region.code not in regions


def test_town_clerk_sees_the_centres_of_their_town_and_village_only(cast):
    centres = set(selectors.centres_in_scope(cast.town_clerk))

    assert centres == {cast.town, cast.village}


def test_other_town_clerk_does_not_see_the_first_town(cast):
    assert cast.town not in set(selectors.centres_in_scope(cast.other_town_clerk))
    assert cast.town_clerk not in set(selectors.staff_in_scope(cast.other_town_clerk))


def test_village_clerk_sees_only_their_village(cast):
    assert set(selectors.centres_in_scope(cast.village_clerk)) == {cast.village}


def test_county_clerk_sees_every_region_and_centre_of_the_county(cast):
    assert _codes(selectors.regions_in_scope(cast.county_clerk)) == {
        "990121000000",
        "990121100000",
        "990121100201",
        "990121101000",
        "990121101201",
    }
    assert set(selectors.centres_in_scope(cast.county_clerk)) == {
        cast.county,
        cast.town,
        cast.village,
        cast.other_town,
        cast.other_village,
    }


def test_retired_region_is_out_of_scope(cast):
    cast.village_region.valid_to = date(2025, 12, 31)
    cast.village_region.save()

    assert _codes(selectors.regions_in_scope(cast.town_clerk)) == {"990121100000"}
    assert set(selectors.centres_in_scope(cast.town_clerk)) == {cast.town}


def test_administrators_see_no_region_centre_unit_or_staff(cast):
    for admin in (cast.sysadmin, cast.secadmin, cast.auditadmin):
        assert admin.jurisdiction_prefix is None
        assert not selectors.regions_in_scope(admin).exists()
        assert not selectors.centres_in_scope(admin).exists()
        assert not selectors.units_in_scope(admin).exists()
        assert not selectors.staff_in_scope(admin).exists()


def test_unit_handler_sees_only_their_own_unit(cast):
    assert list(selectors.units_in_scope(cast.unit_handler)) == [cast.unit]


def test_county_clerk_sees_every_unit_of_the_county(cast):
    assert set(selectors.units_in_scope(cast.county_clerk)) == {cast.unit, cast.other_unit}


def test_town_clerk_sees_no_county_unit(cast):
    assert not selectors.units_in_scope(cast.town_clerk).exists()


def test_staff_in_scope_of_town_clerk_are_the_town_and_village_staff(cast):
    assert set(selectors.staff_in_scope(cast.town_clerk)) == {
        cast.town_clerk,
        cast.town_mediator,
        cast.town_leader,
        cast.village_clerk,
    }
