Feature: Module update and md5 versions
  A module's md5 identifies the version of its contents: it is the md5 of the contents exactly as
  the client sends them, which is the module file base64-encoded. Updating the contents makes a
  new version; instances keep the version they were given until the module is applied again.
  An update changes only what it names.

  @UPD-1
  Scenario Outline: The md5 is the md5 of the contents as the client sends them
    When tenant A creates a ping module "versioned" with contents "<file>"
    Then the answer shows:
      | md5 | <md5> |

    Examples:
      | file              | md5                              |
      | message=Hello\n   | c6bb68f19ca5b14f4bd23c0f7195f0ca |
      | x                 | 64fc83fc6acc4664eef9697d2228fa9c |

  @UPD-2
  Scenario: New contents give a new md5 and a later updated time
    Given tenant A has created a ping module "versioned" with contents "message=Module.V1\n"
    And some time passes
    When tenant A updates the contents of "versioned" to "message=Module.V2\n"
    Then the request succeeds
    And the answer shows:
      | name | versioned                        |
      | md5  | ba7c204979c8de54be6efb70a17d40b9 |
    And the module "versioned" kept its id and created time and was updated later

  @UPD-2 @simulator-only
  Scenario: The updated time is the time of the update
    Given the clock reads 2017-06-02 17:06:21
    And the admin has created a ping module "mymod" with contents "message=Module.V1\n"
    And the clock reads 2017-06-02 17:56:12
    When the admin updates the contents of "mymod" to "message=Module.V2\n"
    Then the answer shows:
      | created | 2017-06-02T17:06:21              |
      | updated | 2017-06-02T17:56:12              |
      | md5     | ba7c204979c8de54be6efb70a17d40b9 |

  @UPD-3
  Scenario: The same contents keep the same md5
    Given tenant A has created a ping module "versioned" with contents "message=Module.V1\n"
    When tenant A updates the contents of "versioned" to "message=Module.V1\n"
    Then the request succeeds
    And the answer shows:
      | md5 | 7f700cc7b99606615f8b51946f6d3228 |

  @UPD-4
  Scenario Outline: An update changes what it names and nothing else
    Given the admin has created a module "tuned" with:
      | contents    | message=Hello\n |
      | description | first words     |
      | apply order | 3               |
    When the admin updates "tuned" with:
      | <option> | <value> |
    Then the request succeeds
    And the answer shows:
      | <property>  | <shown>                          |
      | md5         | c6bb68f19ca5b14f4bd23c0f7195f0ca |
      | type        | ping                             |
      | datastore   | all                              |

    Examples:
      | option         | value        | property       | shown        |
      | description    | second words | description    | second words |
      | name           | retuned      | name           | retuned      |
      | apply order    | 7            | apply_order    | 7            |
      | priority apply | yes          | priority_apply | True         |
      | live update    | yes          | live_update    | True         |
      | auto apply     | yes          | auto_apply     | True         |
      | hidden         | yes          | visible        | False        |

  @UPD-4
  Scenario: Properties not named in an update keep their values
    Given the admin has created a module "tuned" with:
      | description    | first words |
      | apply order    | 3           |
      | priority apply | yes         |
    When the admin updates "tuned" with:
      | live update | yes |
    Then the answer shows:
      | description    | first words |
      | apply_order    | 3           |
      | priority_apply | True        |
      | live_update    | True        |

  @UPD-5 @upstream-differs @needs-type-new_relic_license
  Scenario Outline: The type can be changed by update, in any case
    Given tenant A has created a ping module "retyped"
    When tenant A updates "retyped" with:
      | type | <given> |
    Then the request succeeds
    And the answer shows:
      | type | <stored> |

    Examples:
      | given             | stored            |
      | NEW_RELIC_LICENSE | new_relic_license |
      | Ping              | ping              |

  @UPD-5 @upstream-differs
  Scenario: An unknown type is refused on update
    Given tenant A has created a ping module "retyped"
    When tenant A updates "retyped" with:
      | type | pong |
    Then the request is refused with 404 "Module type 'pong' was not found."

  @UPD-6
  Scenario: A datastore together with all datastores is refused
    Given tenant A has created a ping module "bound"
    When tenant A updates "bound" with:
      | datastore      | {datastore} |
      | all datastores | yes   |
    Then the request is refused with 400 "The module is invalid: You cannot set a datastore and specify --all_datastores"

  @UPD-6
  Scenario: A version together with all versions is refused
    Given tenant A has created a ping module "bound"
    When tenant A updates "bound" with:
      | datastore              | {datastore} |
      | datastore version      | {version}   |
      | all datastore versions | yes   |
    Then the request is refused with 400 "The module is invalid: You cannot set a datastore version and specify --all_datastore_versions"

  @UPD-7
  Scenario: All datastores unbinds the module
    Given tenant A has created a module "bound" with:
      | datastore | {datastore} |
    When tenant A updates "bound" with:
      | all datastores | yes |
    Then the request succeeds
    And the answer shows:
      | datastore         | all  |
      | datastore_id      | None |
      | datastore_version | all  |

  @UPD-7
  Scenario: All versions unbinds the version and keeps the datastore
    Given tenant A has created a module "bound" with:
      | datastore         | {datastore} |
      | datastore version | {version}   |
    When tenant A updates "bound" with:
      | all datastore versions | yes |
    Then the request succeeds
    And the answer shows:
      | datastore            | {datastore} |
      | datastore_version    | all   |
      | datastore_version_id | None  |

  @UPD-7 @upstream-differs
  Scenario: All datastores sent as 0 leaves the datastore bound
    Given tenant A has created a module "bound" with:
      | datastore | {datastore} |
    When tenant A sends a module update of "bound" with the body:
      """
      {"module": {"all_datastores": 0, "all_datastore_versions": 0}}
      """
    Then the request succeeds
    And "bound" as seen by tenant A has these properties:
      | datastore         | {datastore} |
      | datastore_version | all   |

  @UPD-8
  Scenario: The datastore cannot be unbound while a version stays bound
    Given tenant A has created a module "bound" with:
      | datastore         | {datastore} |
      | datastore version | {version}   |
    When tenant A updates "bound" with:
      | all datastores | yes |
    Then the request is refused with 400 "Datastore 'None' has no version '{id of version {datastore} {version}}'."

  @UPD-9 @upstream-differs
  Scenario: A rename onto another module's name is refused
    Given tenant A has created a ping module "first"
    And tenant A has created a ping module "second"
    When tenant A updates "second" with:
      | name | first |
    Then the request is refused with 400 "A module with the name 'first' already exists for datastore 'all' and datastore version 'all'"

  @UPD-10
  Scenario Outline: Update values are checked as on create
    Given tenant A has created a ping module "checked"
    When tenant A updates "checked" with:
      | <option> | <value> |
    Then the request is refused with 400 "Validation error: <problem>"

    Examples:
      | option      | value   | problem                                                                            |
      | apply order | 10      | module['apply_order'] 10 is greater than the maximum of 9                          |
      | apply order | -1      | module['apply_order'] -1 is less than the minimum of 0                             |
      | live update | 2       | module['live_update'] 2 is greater than the maximum of 1                           |
      | name        | !!!     | module['name'] '!!!' does not match '^.*[0-9a-zA-Z]+.*$'                           |
      | contents    | (empty) | module['contents'] '' should be non-empty; module['contents'] '' does not match '^.*.+.*$' |

  @UPD-11
  Scenario: A module can be bound to a datastore version by update
    Given tenant A has created a ping module "rebound"
    When tenant A updates "rebound" with:
      | datastore         | {datastore} |
      | datastore version | {version}   |
    Then the request succeeds
    And the answer shows:
      | datastore            | {datastore}                     |
      | datastore_id         | {id of datastore {datastore}}   |
      | datastore_version    | {version}                       |
      | datastore_version_id | {id of version {datastore} {version}} |
