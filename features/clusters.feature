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
