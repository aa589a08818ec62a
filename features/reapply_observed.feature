Feature: module-reapply as any endpoint shows it
  What reapply's options do is visible without the simulator's controls: the instances brought
  to the current md5 carry the time of their batch as their updated date, so batch size and delay
  show as the distance between those dates, and force or its absence as dates that move or stay
  (docs/behaviour.md M7, §11.1). On an endpoint with a real clock the steps wait for the batches.

  Background:
    Given the admin has created a module "mymod" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And the admin has created the instances "one" and "two" with the module "mymod"
    And some time passes
    And the admin has updated the contents of "mymod" to "message=Module.V2\n"

  @REA-6
  Scenario Outline: Batches of one instance are the delay apart; one batch takes no delay
    When the admin reapplies "mymod" with:
      | batch size | <size>  |
      | delay      | <delay> |
    And the reapply has finished
    Then the 2 instances of "mymod" at its current md5 were updated <bound> <seconds> seconds apart

    Examples:
      | size | delay | bound    | seconds |
      | 1    | 3     | at least | 3       |
      | 2    | 30    | at most  | 1       |

  @REA-7
  Scenario Outline: The default delay, and a tenant's delay raised to the minimum, still pass
    Given <caller> has created a module "paced" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And <caller> has created the instances "p1" and "p2" with the module "paced"
    And <caller> has updated the contents of "paced" to "message=Module.V2\n"
    When <caller> reapplies "paced" with:
      | batch size | 1       |
      | delay      | <delay> |
    And the reapply has finished
    Then the 2 instances of "paced" at its current md5 were updated at least 2 seconds apart

    Examples:
      | caller    | delay |
      | tenant A  | 1     |
      | tenant A  | 0     |
      | the admin | 0     |

  @REA-13 @REA-4
  Scenario Outline: Without force the current instances keep their dates; with force they move
    Given the admin has reapplied "mymod"
    And the reapply has finished
    And the 2 instances of "mymod" at its current md5 have their updated dates noted
    And some time passes
    When the admin reapplies "mymod" with:
      | force | <force> |
    And the reapply has finished
    Then the 2 instances of "mymod" at its current md5 <dates>

    Examples:
      | force | dates                                  |
      | no    | keep the updated dates they had        |
      | yes   | were updated after the dates they had  |

  @REA-1 @CNT-5
  Scenario: An instance deleted while its batch waits is left out, and the others go on
    Given the admin has created an instance "three" with the module "mymod"
    And the admin has updated the contents of "mymod" to "message=Module.V3\n"
    When the admin reapplies "mymod" with:
      | batch size | 1 |
      | delay      | 3 |
    And the admin deletes the instance "two"
    And the reapply has finished
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 869744bdd18e306a96c145df562065ab | True    | 2     |
    And module-instances of "mymod" as the admin lists:
      | Name  |
      | one   |
      | three |

  @REA-14 @upstream-differs
  Scenario Outline: A delay that would end past the calendar is refused; one that never passes is not
    When the admin sends a reapply of "mymod" with the body:
      """
      {"reapply": {"batch_size": <size>, "batch_delay": <delay>}}
      """
    Then <outcome>

    Examples:
      | size | delay        | outcome                                                                                                  |
      | 1    | 300000000000 | the request is refused with 400 "Validation error: reapply['batch_delay'] 300000000000 puts the last batch past the year 9999" |
      | 1    | 86400000000000 | the request is refused with 400 "Validation error: reapply['batch_delay'] 86400000000000 puts the last batch past the year 9999" |
      | 2    | 300000000000 | the request succeeds                                                                                     |
