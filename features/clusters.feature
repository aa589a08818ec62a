@needs-clusters
Feature: Modules on clusters
  A cluster's members are instances too: modules can be named for them when the cluster is
  created, auto-apply modules reach them, and module-apply, module-remove and module-query work
  on each member. Members are named after their cluster.

  @CLU-1 @CLU-7
  Scenario: A cluster created with a module has it on every member
    Given tenant A has created a ping module "spread" with contents "message=Module.V1\n"
    When tenant A creates a cluster "clu" of 3 members with the module "spread"
    Then the request succeeds
    And the answer shows:
      | name              | clu                           |
      | datastore         | {cluster datastore}           |
      | datastore_version | {cluster version}             |
      | instance_count    | 3                             |
      | task_name         | BUILDING                      |
      | task_description  | Building the initial cluster. |
    And the cluster "clu" has these members:
      | Name         | Flavor ID | Size | Status |
      | clu-member-1 | {flavor}  | 1    | ACTIVE |
      | clu-member-2 | {flavor}  | 1    | ACTIVE |
      | clu-member-3 | {flavor}  | 1    | ACTIVE |
    And module-query of "clu-member-1" as tenant A shows:
      | Name   | Type | Datastore | Version | Status | Message   |
      | spread | ping | all       | all     | OK     | Module.V1 |
    And module-query of "clu-member-3" as tenant A shows:
      | Name   | Status | Message   |
      | spread | OK     | Module.V1 |

  @CLU-2
  Scenario: Auto-apply modules reach every member
    Given the admin has created a module "everywhere" with:
      | all tenants | yes |
      | auto apply  | yes |
    When tenant A creates a cluster "clu" of 2 members
    Then module-query of "clu-member-1" as tenant A shows:
      | Name       | Status |
      | everywhere | OK     |
    And module-query of "clu-member-2" as tenant A shows:
      | Name       | Status |
      | everywhere | OK     |
    And module-instance-count of "everywhere" with cluster members as tenant A shows:
      | Module Name | Current | Count |
      | everywhere  | True    | 2     |

  @CLU-3
  Scenario: A module can be applied to, queried on and removed from one member
    Given tenant A has created a ping module "single" with contents "message=Module.V3\n"
    And tenant A has created a cluster "clu" of 2 members
    When tenant A applies "single" to "clu-member-2"
    Then the apply answers:
      | Name   | Type | Datastore | Version | Status | Message   |
      | single | ping | all       | all     | OK     | Module.V3 |
    And module-query of "clu-member-2" as tenant A shows:
      | Name   | Status |
      | single | OK     |
    And module-query of "clu-member-1" as tenant A shows no modules
    When tenant A removes "single" from "clu-member-2"
    Then the request succeeds
    And module-query of "clu-member-2" as tenant A shows no modules

  @CLU-4 @upstream-differs
  Scenario: A cluster whose members cannot take the module is refused and leaves nothing
    Given tenant A has created a module "elsewhere" with:
      | datastore | {datastore} |
    When tenant A creates a cluster "clu" of 2 members with the module "elsewhere"
    Then the request is refused with 400:
      """
      The module is invalid: Module 'elsewhere' cannot be applied  (Wrong datastore '{id of datastore {datastore}}' - expected '{id of datastore {cluster datastore}}')
      """
    And the cluster list of tenant A holds no cluster "clu"

  @CLU-4 @upstream-differs
  Scenario: A cluster refused for its last member records nothing for the members before it
    Given tenant A has created a ping module "fine"
    And tenant A has created a module "elsewhere" with:
      | datastore | {datastore} |
    When tenant A creates a cluster "clu" whose members have the modules:
      | modules             |
      | "fine"              |
      | "fine", "elsewhere" |
    Then the request is refused with 400:
      """
      The module is invalid: Module 'elsewhere' cannot be applied  (Wrong datastore '{id of datastore {datastore}}' - expected '{id of datastore {cluster datastore}}')
      """
    And the cluster list of tenant A holds no cluster "clu"
    And module-instance-count of "fine" with cluster members as tenant A shows no rows

  @CLU-5 @CNT-5 @upstream-differs
  Scenario: Deleting a cluster retires its members' records
    Given tenant A has created a ping module "spread"
    And tenant A has created a cluster "clu" of 2 members with the module "spread"
    When tenant A deletes the cluster "clu"
    Then the request succeeds
    And module-instance-count of "spread" with cluster members as tenant A shows no rows
    When tenant A updates the contents of "spread" to "message=Module.V2\n"
    Then the request succeeds

  @CLU-6
  Scenario: Members are named after the cluster and are not the tenant's own instances
    Given tenant A has created an instance "single"
    And tenant A has created a cluster "clu" of 2 members
    Then the cluster "clu" has these members:
      | Name         | Status |
      | clu-member-1 | ACTIVE |
      | clu-member-2 | ACTIVE |
    And the instance list of tenant A is:
      | Name   | Datastore   | Datastore Version | Status |
      | single | {datastore} | {version}         | ACTIVE |

  @CLU-1
  Scenario: Every member of the admin's cluster holds the module, as module-instances lists them
    Given the admin has created a ping module "carried" with contents "message=Members\n"
    And the admin has created a cluster "clu" of 2 members with the module "carried"
    Then module-instances of "carried" with cluster members as the admin lists:
      | Name         | Status |
      | clu-member-1 | ACTIVE |
      | clu-member-2 | ACTIVE |
    And module-query of "clu-member-2" as the admin shows:
      | Name    | Status | Message |
      | carried | OK     | Members |

  @CLU-2 @CLU-7
  Scenario: An auto-apply module bound to the cluster datastore reaches each member of a new cluster
    Given the admin has created a module "members-only" with:
      | all tenants | yes                 |
      | auto apply  | yes                 |
      | datastore   | {cluster datastore} |
    When tenant B creates a cluster "clu" of 2 members
    Then the answer shows:
      | name              | clu                           |
      | datastore         | {cluster datastore}           |
      | datastore_version | {cluster version}             |
      | instance_count    | 2                             |
      | task_name         | BUILDING                      |
      | task_description  | Building the initial cluster. |
    And the cluster "clu" has these members:
      | Name         | Status |
      | clu-member-1 | ACTIVE |
      | clu-member-2 | ACTIVE |
    And module-instances of "members-only" with cluster members as tenant B lists:
      | Name         |
      | clu-member-1 |
      | clu-member-2 |
    And module-query of "clu-member-2" as tenant B shows:
      | Name         | Datastore           | Status |
      | members-only | {cluster datastore} | OK     |

  @CLU-3
  Scenario: A module removed from one member stays on the other, and another applies beside it
    Given the admin has created a ping module "spread"
    And the admin has created a module "extra" with:
      | contents | message=Extra\n |
    And the admin has created a cluster "clu" of 2 members with the module "spread"
    When the admin removes "spread" from "clu-member-1"
    Then the request succeeds
    And module-query of "clu-member-1" as the admin shows no modules
    And module-query of "clu-member-2" as the admin shows:
      | Name   | Status |
      | spread | OK     |
    And module-instances of "spread" with cluster members as the admin lists:
      | Name         |
      | clu-member-2 |
    When the admin applies "extra" to "clu-member-2"
    Then the apply answers:
      | Name  | Status | Message |
      | extra | OK     | Extra   |
    And module-query of "clu-member-2" as the admin shows:
      | Name   | Status |
      | extra  | OK     |
      | spread | OK     |

  @CLU-4 @upstream-differs
  Scenario: A refused cluster leaves no member holding the module and the module free to change
    Given the admin has created a module "bound" with:
      | datastore         | {datastore} |
      | datastore version | {version}   |
    When the admin creates a cluster "clu" of 3 members with the module "bound"
    Then the request is refused with 400:
      """
      The module is invalid: Module 'bound' cannot be applied  (Wrong datastore '{id of datastore {datastore}}' - expected '{id of datastore {cluster datastore}}')
      """
    And the cluster list of the admin holds no cluster "clu"
    And module-instance-count of "bound" with cluster members as the admin shows no rows
    When the admin updates the contents of "bound" to "message=free\n"
    Then the request succeeds

  @CLU-5 @CNT-5 @upstream-differs
  Scenario: A deleted cluster's members leave the counts, and no longer hold the module back
    Given the admin has created a ping module "spread"
    And the admin has created an instance "single" with the module "spread"
    And the admin has created a cluster "clu" of 3 members with the module "spread"
    When the admin deletes the cluster "clu"
    Then the request succeeds
    And module-instance-count of "spread" with cluster members as the admin shows:
      | Module Name | Current | Count |
      | spread      | True    | 1     |
    And module-instances of "spread" with cluster members as the admin lists:
      | Name   |
      | single |
    When the admin removes "spread" from "single"
    Then the request succeeds
    When the admin deletes the module "spread"
    Then the request succeeds

  @CLU-6
  Scenario: A three-member cluster's members carry its name and stay out of tenant B's list
    Given tenant B has created a cluster "big" of 3 members
    Then the cluster "big" has these members:
      | Name         |
      | big-member-1 |
      | big-member-2 |
      | big-member-3 |
    And the instance list of tenant B is:
      | Name |
