Feature: What instance-show, the instance list and cluster-show answer
  trove show and trove list print an instance's fields: its status, datastore and version,
  flavor, volume and region, with links to it and its flavor; instance-show adds when it was
  created and last updated, and names the cluster of a cluster member. cluster-show shows the
  cluster and each member. Routes that show the same instance show it alike. A field whose
  value is the deployment's own is judged by its kind: (a list), (some text), (a time).

  @INS-1
  Scenario: instance-show and the instance list show an instance alike
    Given tenant A has created an instance "inst"
    Then instance-show of "inst" as tenant A shows:
      | id                | {id of inst} |
      | name              | inst         |
      | status            | ACTIVE       |
      | datastore.type    | {datastore}  |
      | datastore.version | {version}    |
      | flavor.id         | {flavor}     |
      | flavor.links      | (a list)     |
      | volume.size       | 1            |
      | region            | (some text)  |
      | links             | (a list)     |
      | created           | (a time)     |
      | updated           | (a time)     |
    And the instance list entry of "inst" as tenant A shows:
      | id           | {id of inst} |
      | status       | ACTIVE       |
      | flavor.links | (a list)     |
      | region       | (some text)  |
      | links        | (a list)     |
    And the instance list entry of "inst" as tenant A agrees with instance-show

  @INS-1 @simulator-only
  Scenario: An instance was created when it was asked for and updated when its build ended
    Given the clock reads 2017-06-02 17:00:00
    And instance builds take 60 seconds
    When tenant A creates an instance "inst"
    Then the answer shows:
      | status  | BUILD               |
      | created | 2017-06-02T17:00:00 |
      | updated | 2017-06-02T17:00:00 |
    When 90 seconds pass
    Then instance-show of "inst" as tenant A shows:
      | status  | ACTIVE              |
      | created | 2017-06-02T17:00:00 |
      | updated | 2017-06-02T17:01:00 |

  @INS-2
  Scenario Outline: An instance create may name its flavor by a link
    When tenant A creates an instance "linked" with the flavor link "<link>"
    Then the request succeeds
    And the answer shows:
      | name   | linked   |
      | flavor | {flavor} |
    And instance-show of "linked" as tenant A shows:
      | status    | ACTIVE   |
      | flavor.id | {flavor} |
    And the instance list entry of "linked" as tenant A agrees with instance-show

    Examples:
      | link                                            |
      | https://trove.example.com/v1.0/flavors/{flavor} |
      | /v1.0/flavors/{flavor}                          |

  @INS-3
  Scenario: An instance create without a volume size is refused
    When tenant A sends an instance create with the body:
      """
      {"instance": {"name": "unsized", "flavorRef": "{flavor}", "datastore": {"type": "{datastore}", "version": "{version}"}}}
      """
    Then the request is refused with 400 "Volume size was not specified."
    And the fault is badRequest
    And the instance list of tenant A holds no instance "unsized"

  @INS-3 @needs-clusters
  Scenario: A cluster create with a member without a volume size is refused
    When tenant A sends a cluster create with the body:
      """
      {"cluster": {"name": "unsized", "datastore": {"type": "{cluster datastore}", "version": "{cluster version}"}, "instances": [{"flavorRef": "{flavor}", "volume": {"size": 1}}, {"flavorRef": "{flavor}"}]}}
      """
    Then the request is refused with 400 "Volume size was not specified."
    And the cluster list of tenant A holds no cluster "unsized"

  @CLU-8 @needs-clusters
  Scenario: cluster-show shows the built cluster and each member as instance-show does
    Given tenant A has created a cluster "clu" of 2 members
    Then cluster-show of "clu" as tenant A shows:
      | id                | {id of clu}               |
      | name              | clu                       |
      | datastore.type    | {cluster datastore}       |
      | datastore.version | {cluster version}         |
      | task.name         | NONE                      |
      | task.description  | No tasks for the cluster. |
      | links             | (a list)                  |
      | created           | (a time)                  |
      | updated           | (a time)                  |
    And each member in cluster-show of "clu" shows:
      | type         | member   |
      | status       | ACTIVE   |
      | flavor.id    | {flavor} |
      | flavor.links | (a list) |
      | volume.size  | 1        |
      | links        | (a list) |
    And each member in cluster-show of "clu" is shown as its instance-show shows it
    And instance-show of "clu-member-1" as tenant A shows:
      | name       | clu-member-1 |
      | cluster_id | {id of clu}  |
    And instance-show of "clu-member-2" as tenant A shows:
      | cluster_id | {id of clu} |

  @CLU-8 @simulator-only @needs-clusters
  Scenario: A cluster is building until its last member is built
    Given the clock reads 2017-06-02 17:00:00
    And instance builds take 60 seconds
    When tenant A creates a cluster "clu" of 2 members
    Then the answer shows:
      | task_name | BUILDING |
    And cluster-show of "clu" as tenant A shows:
      | task.name        | BUILDING                      |
      | task.description | Building the initial cluster. |
      | created          | 2017-06-02T17:00:00           |
      | updated          | 2017-06-02T17:00:00           |
    When 90 seconds pass
    Then cluster-show of "clu" as tenant A shows:
      | task.name | NONE                |
      | created   | 2017-06-02T17:00:00 |
    And each member in cluster-show of "clu" shows:
      | status | ACTIVE |
      | type   | member |

  @CLU-9 @needs-clusters
  Scenario Outline: A cluster member cannot be deleted on its own
    Given tenant A has created a ping module "spread"
    And tenant A has created a cluster "clu" of 2 members with the module "spread"
    When tenant A deletes the instance "<member>"
    Then the request is refused with 501 "Operation not supported for instances that are part of a cluster."
    And the fault is notImplemented
    And the cluster "clu" has these members:
      | Name         | Status |
      | clu-member-1 | ACTIVE |
      | clu-member-2 | ACTIVE |

    Examples:
      | member       |
      | clu-member-1 |
      | clu-member-2 |
