Feature: What module-query and module-instance-count show of each module
  module-query shows, for each module the guest applied, the module as it was applied: its id,
  md5, tenant (or all) and flags, with removed empty. It does not ask for the modules' contents,
  so it shows none; module-retrieve asks for them. module-instance-count names the module by id
  and name in every row.

  @QRY-14 @QRY-9
  Scenario: A tenant's module shows its id, md5, tenant and flags, and contents only when asked
    Given tenant A has created a ping module "mine" with contents "message=Module.V1\n"
    And tenant A has created an instance "inst" with the module "mine"
    Then the module-query row of "mine" on "inst" as tenant A shows:
      | id         | {id of mine}                     |
      | name       | mine                             |
      | type       | ping                             |
      | md5        | 7f700cc7b99606615f8b51946f6d3228 |
      | tenant     | tenant A's project               |
      | auto_apply | False                            |
      | visible    | True                             |
      | is_admin   | False                            |
      | status     | OK                               |
      | message    | Module.V1                        |
      | removed    | None                             |
    And module-query of "inst" as tenant A shows no contents
    When tenant A retrieves the module contents of "inst"
    Then the retrieved contents of "mine" are "message=Module.V1\n"

  @QRY-14
  Scenario: The admin's all-tenant auto-apply module shows tenant all and its flags
    Given the admin has created a module "shared" with:
      | all tenants | yes                 |
      | auto apply  | yes                 |
      | contents    | message=Module.V2\n |
    And tenant A has created an instance "inst"
    Then the module-query row of "shared" on "inst" as tenant A shows:
      | id         | {id of shared}                   |
      | md5        | ba7c204979c8de54be6efb70a17d40b9 |
      | tenant     | all                              |
      | auto_apply | True                             |
      | visible    | True                             |
      | is_admin   | True                             |
      | removed    | None                             |
    And module-query of "inst" as tenant A shows no contents
    And module-query of "inst" as the admin shows no contents

  @CNT-12
  Scenario: Every row of module-instance-count names the module
    Given tenant A has created a module "counted" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And tenant A has created an instance "one" with the module "counted"
    And tenant A has updated the contents of "counted" to "message=Module.V2\n"
    And tenant A has created an instance "two" with the module "counted"
    Then each row of module-instance-count of "counted" as tenant A shows:
      | module_id      | {id of counted} |
      | module_name    | counted         |
      | instance_count | 1               |

  @CNT-12
  Scenario: The admin's count of a tenant's module names it too
    Given tenant A has created a ping module "theirs"
    And tenant A has created an instance "inst" with the module "theirs"
    Then each row of module-instance-count of "theirs" as the admin shows:
      | module_id      | {id of theirs} |
      | module_name    | theirs         |
      | current        | True           |
      | instance_count | 1              |
