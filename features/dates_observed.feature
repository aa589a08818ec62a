Feature: Guest times and count dates as any endpoint shows them
  The guest stamps each module it applies: created at its first apply on this guest, kept across
  re-apply and remove, and updated at its last apply, both written YYYY-MM-DD HH:MM:SS.ff
  (docs/behaviour.md §9.2, §9.3). module-instance-count spans the updated dates of the caller's
  own records (docs/behaviour.md §11.1). The times themselves need no controlled clock to be judged: their layout
  and their order are the rule.

  Background:
    Given tenant A has created an instance "inst"
    And tenant A has created a ping module "timed"
    And tenant A has applied "timed" to "inst"
    And the guest times of "timed" on "inst" as tenant A are noted
    And some time passes

  @QRY-10
  Scenario: A re-apply keeps the created time and moves the updated time
    When tenant A applies "timed" to "inst"
    Then the guest times of "timed" on "inst" as tenant A keep the created time and show a later updated time

  @QRY-10 @REM-5
  Scenario: Removed and applied again, the module keeps its first created time
    When tenant A removes "timed" from "inst"
    And tenant A applies "timed" to "inst"
    Then the guest times of "timed" on "inst" as tenant A keep the created time and show a later updated time

  @CNT-1 @CNT-3
  Scenario: A tenant's count of a shared module spans its own instances' dates
    Given the admin has created a module "shared" with:
      | all tenants | yes |
    And tenant A has created an instance "early" with the module "shared"
    And tenant B has created an instance "between" with the module "shared"
    And some time passes
    And some time passes
    And tenant A has created an instance "late" with the module "shared"
    Then the 2 instances of "shared" at its current md5 as tenant A were updated at least 1 seconds apart
    And the 3 instances of "shared" at its current md5 were updated at least 1 seconds apart
