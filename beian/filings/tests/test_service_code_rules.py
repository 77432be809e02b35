"""Service codes, the pure part (beian.filings.codes): the format people type, the states and the policy."""

import itertools

import pytest

from beian.core.exceptions import IllegalTransition
from beian.filings import codes

POLICY = codes.CodePolicy(per_resource=5, single_use=True, refund_on_cancel=False, cross_account_grant=True)


def test_a_new_code_is_grouped_prefixed_and_reads_back_as_itself():
    code = codes.new_code()
    assert code.startswith("BA-") and [len(g) for g in code.split("-")] == [2, 4, 4, 4]
    assert set(code[3:].replace("-", "")) <= set(codes.ALPHABET)
    assert codes.parse(code) == code
    assert codes.parse(code.lower().replace("-", " ")) == code  # typed in lower case with spaces
    assert codes.parse(code[3:]) == code  # typed without the prefix


def test_the_alphabet_has_no_characters_people_confuse_and_reads_them_as_what_they_look_like():
    assert not set("ILOU") & set(codes.ALPHABET)
    body = "0011ABCDEFG"
    code = codes.display(body + codes.check_character(body))
    assert codes.parse(code.replace("0", "O").replace("1", "l")) == code


def test_every_mistyped_character_and_every_swap_of_neighbours_but_0_and_z_is_caught():
    body = "7K2M9QX4RTV"
    good = body + codes.check_character(body)
    for position, replacement in itertools.product(range(len(good)), codes.ALPHABET):
        if replacement != good[position]:
            typo = good[:position] + replacement + good[position + 1 :]
            assert codes.parse(typo) is None, typo
    undetected = set()
    for a, b in itertools.permutations(codes.ALPHABET, 2):
        code = "23" + a + b + "4567ABC"
        code += codes.check_character(code)
        if codes.parse(code[:2] + b + a + code[4:]) is not None:
            undetected.add(a + b)
    assert undetected == {"0Z", "Z0"}  # Luhn mod N's one blind spot: the first and last characters


@pytest.mark.parametrize("typed", ["", "BA-1234", "BA-UUUU-UUUU-UUUU", "hello world!", "BA-2345-6789-ABCDE"])
def test_what_cannot_be_a_code_is_refused(typed):
    assert codes.parse(typed) is None


def test_a_used_code_is_listed_masked():
    assert codes.masked("BA-7K2M-9QX4-RTVZ") == "BA-****-****-RTVZ"


def test_the_transition_table_allows_the_life_of_a_code_and_nothing_else():
    assert codes.check_transition(codes.UNBOUND, codes.IN_FILING) == "bind"
    assert codes.check_transition(codes.IN_FILING, codes.FILED) == "filed"
    assert codes.check_transition(codes.IN_FILING, codes.UNBOUND) == "release"
    assert codes.check_transition(codes.IN_FILING, codes.VOID) == "spend"
    assert codes.check_transition(codes.UNBOUND, codes.VOID) == "void"
    assert codes.check_transition(codes.FILED, codes.VOID) == "cancelled"
    for current, target in [
        (codes.VOID, codes.UNBOUND),  # void is for good
        (codes.VOID, codes.IN_FILING),
        (codes.FILED, codes.UNBOUND),  # a filed website keeps its code
        (codes.FILED, codes.IN_FILING),
        (codes.UNBOUND, codes.FILED),  # only through a filing
    ]:
        with pytest.raises(IllegalTransition) as refused:
            codes.check_transition(current, target)
        assert refused.value.code == "service_code.illegal_transition"


def test_the_policy_comes_from_the_reference_section_and_a_broken_one_generates_nothing():
    assert (
        codes.policy_from(
            {
                "service_codes_per_resource": 5,
                "single_use": True,
                "refund_on_cancel": False,
                "cross_account_grant": True,
            }
        )
        == POLICY
    )
    assert codes.policy_from(None).per_resource == 0
    assert codes.policy_from({"service_codes_per_resource": "five"}).per_resource == 0
    assert codes.policy_from({"service_codes_per_resource": True}).per_resource == 0


def test_a_filing_that_ends_unapproved_frees_its_code_unless_codes_are_single_use():
    assert codes.after_filing_ended(POLICY) == codes.Outcome(codes.VOID, spent=True)
    refunding = codes.CodePolicy(5, single_use=True, refund_on_cancel=True, cross_account_grant=False)
    assert codes.after_filing_ended(refunding) == codes.Outcome(codes.VOID, spent=False)
    reusable = codes.CodePolicy(5, single_use=False, refund_on_cancel=False, cross_account_grant=False)
    assert codes.after_filing_ended(reusable) == codes.Outcome(codes.UNBOUND, spent=False)


def test_a_cancelled_filing_keeps_its_place_in_the_quota_unless_the_policy_refunds():
    assert codes.after_filing_cancelled(POLICY).spent is True
    refunding = codes.CodePolicy(5, single_use=True, refund_on_cancel=True, cross_account_grant=False)
    assert codes.after_filing_cancelled(refunding).spent is False
    assert codes.after_void() == codes.Outcome(codes.VOID, spent=False)  # an unused code never took a filing


def test_quota_counts_every_code_but_the_refunded_void_ones():
    assert codes.counts_against_quota(codes.UNBOUND, spent=False)
    assert codes.counts_against_quota(codes.FILED, spent=False)
    assert codes.counts_against_quota(codes.VOID, spent=True)
    assert not codes.counts_against_quota(codes.VOID, spent=False)
    assert codes.quota_left(POLICY, 3) == 2 and codes.quota_left(POLICY, 7) == 0


@pytest.mark.parametrize(
    ("state", "owner", "grantee", "elsewhere", "same_site", "refusal"),
    [
        (codes.UNBOUND, True, False, False, True, None),
        (codes.UNBOUND, False, True, False, None, None),  # granted: the filing is for the code's site
        (codes.UNBOUND, False, False, False, True, "service_code.unknown"),  # another tenant's code
        (codes.UNBOUND, True, False, True, True, "service_code.granted_elsewhere"),
        (codes.UNBOUND, True, False, False, False, "service_code.other_site"),
        (codes.IN_FILING, True, False, False, True, "service_code.used"),
        (codes.FILED, True, False, False, True, "service_code.used"),
        (codes.VOID, True, False, False, True, "service_code.void"),
    ],
)
def test_who_may_start_a_filing_with_a_code(state, owner, grantee, elsewhere, same_site, refusal):
    assert (
        codes.start_refusal(state=state, owner=owner, grantee=grantee, granted_elsewhere=elsewhere, same_site=same_site)
        == refusal
    )
