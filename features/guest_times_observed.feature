Feature: Guest times as any endpoint shows them
  The guest stamps each module it applies: created at its first apply on this guest, kept across
  re-apply and remove, and updated at its last apply, both written YYYY-MM-DD HH:MM:SS.ff
  (docs/behaviour.md §9.2, §9.3). The times themselves need no controlled clock to be judged:
  their layout and their order are the rule.

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
