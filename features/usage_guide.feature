Feature: The usage guide's session, replayed
  "Create and use modules for a database" walks an admin through a whole session: a ping module
  applied to a MySQL 5.6 instance, then updated three times while a redis 3.2.6 cluster and a
  second instance take it, and finally brought up to date everywhere with module-reapply. This
  feature replays that session command by command; each Then holds the guide's own table, with
  ids, project ids, times and the region left out.

  Two places differ from the guide's printout, on purpose:
  - the guide's first module-create shows "--datastore mysql", but its output (datastore "all")
    and the rest of the session (the same module on a redis cluster) only hold for a module
    bound to every datastore, so the replay leaves that option out;
  - the guide's fresh module shows instance_count 2, an upstream defect; the replay expects the
    real count, 0.
  Between commands some time passes, as it did for the guide's author.

  The guide's deployment had flavor 15, mysql 5.6 and redis 3.2.6; the replay plays it on the
  target's own: {flavor}, {datastore} {version} for the instance and the cluster datastore for
  the cluster (on our simulator exactly the guide's). The guide's second instance, made without
  a datastore (that deployment's default, redis), is made on the cluster datastore.

  @GUI-1 @GUI-2 @GUI-3 @GUI-4 @GUI-5 @GUI-6 @GUI-7 @GUI-8 @GUI-9 @GUI-10 @GUI-11 @GUI-12 @upstream-differs @needs-clusters
  Scenario: Create and use modules for a database
    # Create and apply a module to a mysql database
    When the admin creates a module "mymod" with:
      | type        | ping                |
      | contents    | message=Module.V1\n |
      | live update | yes                 |
    Then the request succeeds
    And "mymod" as seen by the admin has these properties:
      | apply_order          | 5                                |
      | auto_apply           | False                            |
      | datastore            | all                              |
      | datastore_id         | None                             |
      | datastore_version    | all                              |
      | datastore_version_id | None                             |
      | description          | None                             |
      | instance_count       | 0                                |
      | is_admin             | True                             |
      | live_update          | True                             |
      | md5                  | 7f700cc7b99606615f8b51946f6d3228 |
      | name                 | mymod                            |
      | priority_apply       | False                            |
      | type                 | ping                             |
      | visible              | True                             |
    When some time passes
    And the admin creates an instance "myinst" with the module "mymod"
    Then the answer shows:
      | datastore               | {datastore} |
      | datastore_version       | {version}   |
      | encrypted_rpc_messaging | True   |
      | flavor                  | {flavor}    |
      | name                    | myinst |
      | server_id               | None   |
      | status                  | BUILD  |
      | volume                  | 1      |
      | volume_id               | None   |

    # Show and list modules
    And the instance "myinst" has status ACTIVE
    And module-query of "myinst" as the admin shows:
      | Name  | Type | Datastore | Version | Status | Message   |
      | mymod | ping | all       | all     | OK     | Module.V1 |
    And module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | True    | 1     |
    And module-instances of "mymod" as the admin lists:
      | Name   | Datastore   | Datastore Version | Status | Flavor ID | Size |
      | myinst | {datastore} | {version}         | ACTIVE | {flavor}  | 1    |

    # Updating and creating a second module for a redis cluster
    When some time passes
    And the admin updates "mymod" with:
      | contents | message=Module.V2\n |
    Then the answer shows:
      | apply_order          | 5                                |
      | auto_apply           | False                            |
      | datastore            | all                              |
      | datastore_id         | None                             |
      | datastore_version    | all                              |
      | datastore_version_id | None                             |
      | description          | None                             |
      | is_admin             | True                             |
      | live_update          | True                             |
      | md5                  | ba7c204979c8de54be6efb70a17d40b9 |
      | name                 | mymod                            |
      | priority_apply       | False                            |
      | type                 | ping                             |
      | visible              | True                             |
    When some time passes
    And the admin creates a cluster "myclust" of 3 members with the module "mymod"
    Then the answer shows:
      | datastore         | {cluster datastore}           |
      | datastore_version | {cluster version}             |
      | instance_count    | 3                             |
      | name              | myclust                       |
      | task_description  | Building the initial cluster. |
      | task_name         | BUILDING                      |
    And module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
    And module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 3     |

    # Update the module again
    When some time passes
    And the admin updates "mymod" with:
      | contents | message=Module.V3\n |
    Then the answer shows:
      | md5         | 869744bdd18e306a96c145df562065ab |
      | name        | mymod                            |
      | live_update | True                             |
      | is_admin    | True                             |
    And module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | False   | 3     |

    # To update an instance in a cluster, use module-apply
    And the cluster "myclust" has these members:
      | Name             | Flavor ID | Size | Status |
      | myclust-member-1 | {flavor}  | 1    | ACTIVE |
      | myclust-member-2 | {flavor}  | 1    | ACTIVE |
      | myclust-member-3 | {flavor}  | 1    | ACTIVE |
    When some time passes
    And the admin applies "mymod" to "myclust-member-2"
    Then the apply answers:
      | Name  | Type | Datastore | Version | Status | Message   |
      | mymod | ping | all       | all     | OK     | Module.V3 |
    And module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | False   | 2     |
      | mymod       | 869744bdd18e306a96c145df562065ab | True    | 1     |

    # For variety, one more instance and module version
    When some time passes
    And the admin creates an instance "myinst_2" of the cluster datastore with the module "mymod"
    Then the answer shows:
      | datastore               | {cluster datastore} |
      | datastore_version       | {cluster version}   |
      | encrypted_rpc_messaging | True     |
      | flavor                  | {flavor}    |
      | name                    | myinst_2 |
      | server_id               | None     |
      | status                  | BUILD    |
      | volume                  | 1        |
      | volume_id               | None     |
    When some time passes
    And the admin updates "mymod" with:
      | contents | message=Module.V4\n |
    Then the answer shows:
      | md5  | 6e2c81c1547d640b4c6e7752ed0e33ab |
      | name | mymod                            |
    And the instance list of the admin is:
      | Name     | Datastore           | Datastore Version | Status | Flavor ID | Size |
      | myinst   | {datastore}         | {version}         | ACTIVE | {flavor}  | 1    |
      | myinst_2 | {cluster datastore} | {cluster version} | ACTIVE | {flavor}  | 1    |
    And module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | False   | 2     |
      | mymod       | 869744bdd18e306a96c145df562065ab | False   | 2     |

    # module-reapply
    When some time passes
    And the admin reapplies "mymod" with:
      | md5               | 869744bdd18e306a96c145df562065ab |
      | include clustered | yes                              |
    And the reapply has finished
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | False   | 2     |
      | mymod       | 6e2c81c1547d640b4c6e7752ed0e33ab | True    | 2     |
    When some time passes
    And the admin reapplies "mymod" with:
      | md5               | 6e2c81c1547d640b4c6e7752ed0e33ab |
      | include clustered | yes                              |
      | force             | yes                              |
    And the reapply has finished
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | False   | 2     |
      | mymod       | 6e2c81c1547d640b4c6e7752ed0e33ab | True    | 2     |
    When some time passes
    And the admin reapplies "mymod" with:
      | include clustered | yes |
      | batch size        | 1   |
      | delay             | 3   |
    And the reapply has finished
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 6e2c81c1547d640b4c6e7752ed0e33ab | True    | 5     |

  @GUI-2 @GUI-3
  Scenario: The guide's first instance, made by a tenant, answers and reports as the guide shows
    Given tenant A has created a module "mymod" with:
      | contents    | message=Module.V1\n |
      | live update | yes                 |
    When tenant A creates an instance "myinst" with the module "mymod"
    Then the answer shows:
      | datastore               | {datastore} |
      | datastore_version       | {version}   |
      | encrypted_rpc_messaging | True        |
      | flavor                  | {flavor}    |
      | name                    | myinst      |
      | server_id               | None        |
      | status                  | BUILD       |
      | volume                  | 1           |
      | volume_id               | None        |
    And module-instances of "mymod" as tenant A lists:
      | Name   | Datastore   | Datastore Version | Status | Flavor ID | Size |
      | myinst | {datastore} | {version}         | ACTIVE | {flavor}  | 1    |
    And module-instance-count of "mymod" as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | True    | 1     |
    And module-query of "myinst" as tenant A shows:
      | Name  | Type | Datastore | Version | Status | Message   |
      | mymod | ping | all       | all     | OK     | Module.V1 |

  @GUI-5 @GUI-6 @GUI-8 @GUI-10 @GUI-11 @GUI-12 @upstream-differs @needs-clusters
  Scenario: The guide's session from the cluster on, played by a tenant with a module of its own
    Given tenant A has created a module "mymod" with:
      | contents    | message=Module.V1\n |
      | live update | yes                 |
    And tenant A has created an instance "myinst" with the module "mymod"
    And some time passes
    And tenant A has updated the contents of "mymod" to "message=Module.V2\n"
    When tenant A creates a cluster "myclust" of 3 members with the module "mymod"
    Then the answer shows:
      | datastore         | {cluster datastore}           |
      | datastore_version | {cluster version}             |
      | instance_count    | 3                             |
      | name              | myclust                       |
      | task_description  | Building the initial cluster. |
      | task_name         | BUILDING                      |
    And module-instance-count of "mymod" as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
    And module-instance-count of "mymod" with cluster members as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 3     |
    And module-instances of "mymod" as tenant A lists:
      | Name   |
      | myinst |

    # the module again, and one member brought to it
    When some time passes
    And tenant A updates the contents of "mymod" to "message=Module.V3\n"
    And some time passes
    And tenant A applies "mymod" to "myclust-member-2"
    Then the apply answers:
      | Name  | Type | Datastore | Version | Status | Message   |
      | mymod | ping | all       | all     | OK     | Module.V3 |
    And module-instance-count of "mymod" with cluster members as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | False   | 2     |
      | mymod       | 869744bdd18e306a96c145df562065ab | True    | 1     |

    # a second instance, a fourth version, and the three reapplies
    When some time passes
    And tenant A creates an instance "myinst_2" of the cluster datastore with the module "mymod"
    Then the instance "myinst_2" has status ACTIVE
    When some time passes
    And tenant A updates the contents of "mymod" to "message=Module.V4\n"
    And some time passes
    And tenant A reapplies "mymod" with:
      | md5               | 869744bdd18e306a96c145df562065ab |
      | include clustered | yes                              |
    And the reapply has finished
    Then module-instance-count of "mymod" with cluster members as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | False   | 2     |
      | mymod       | 6e2c81c1547d640b4c6e7752ed0e33ab | True    | 2     |
    And module-query of "myclust-member-2" as tenant A shows:
      | Name  | Message   |
      | mymod | Module.V4 |
    When some time passes
    And tenant A reapplies "mymod" with:
      | md5               | 6e2c81c1547d640b4c6e7752ed0e33ab |
      | include clustered | yes                              |
      | force             | yes                              |
    And the reapply has finished
    Then module-instance-count of "mymod" with cluster members as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | False   | 2     |
      | mymod       | 6e2c81c1547d640b4c6e7752ed0e33ab | True    | 2     |
    When some time passes
    And tenant A reapplies "mymod" with:
      | include clustered | yes |
      | batch size        | 1   |
      | delay             | 3   |
    And the reapply has finished
    Then module-instance-count of "mymod" with cluster members as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 6e2c81c1547d640b4c6e7752ed0e33ab | True    | 5     |

  @UPD-1 @GUI-1 @GUI-4 @GUI-7 @GUI-9
  Scenario Outline: The guide's module files give the guide's md5 values
    When the admin creates a ping module "<module>" with contents "<file>"
    Then the answer shows:
      | md5 | <md5> |

    Examples:
      | module | file                | md5                              |
      | ping1  | message=Module.V1\n | 7f700cc7b99606615f8b51946f6d3228 |
      | ping2  | message=Module.V2\n | ba7c204979c8de54be6efb70a17d40b9 |
      | ping3  | message=Module.V3\n | 869744bdd18e306a96c145df562065ab |
      | ping4  | message=Module.V4\n | 6e2c81c1547d640b4c6e7752ed0e33ab |
