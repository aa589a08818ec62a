Feature: Module create and validation
  Before anyone can apply a module, it is registered with Trove: a name, a driver type and the
  file the driver reads. A new module shows its properties as Trove stores them; a request Trove
  cannot accept is refused with the status and message the client prints.

  Module files are written as their text ("message=Hello\n" is one line ending in a newline);
  the client sends them base64-encoded, as the trove command does.

  @CRE-1 @CRE-2 @ADM-1
  Scenario: A new module shows its defaults
    When tenant A creates a ping module "mymod" with contents "message=Hello\n"
    Then the request succeeds
    And the answer shows:
      | name                 | mymod                            |
      | type                 | ping                             |
      | description          | None                             |
      | datastore            | all                              |
      | datastore_id         | None                             |
      | datastore_version    | all                              |
      | datastore_version_id | None                             |
      | auto_apply           | False                            |
      | visible              | True                             |
      | live_update          | False                            |
      | priority_apply       | False                            |
      | apply_order          | 5                                |
      | is_admin             | False                            |
      | md5                  | c6bb68f19ca5b14f4bd23c0f7195f0ca |
      | tenant               | tenant A's project               |
      | tenant_id            | tenant A's project               |

  @CRE-1 @CRE-15
  Scenario: A description is shown back
    When tenant A creates a module "licensed" with:
      | description | License for the reporting tool |
    Then the answer shows:
      | description | License for the reporting tool |

  @CRE-3
  Scenario Outline: Priority and apply order given at create are shown back
    When the admin creates a module "ordered" with:
      | priority apply | <priority> |
      | apply order    | <order>    |
    Then the request succeeds
    And the answer shows:
      | priority_apply | <shown priority> |
      | apply_order    | <order>          |

    Examples:
      | priority | order | shown priority |
      | yes      | 0     | True           |
      | no       | 9     | False          |
      | yes      | 5     | True           |
      | no       | 1     | False          |

  @CRE-4
  Scenario Outline: An apply order outside 0 to 9 is refused
    When the admin creates a module "ordered" with:
      | apply order | <order> |
    Then the request is refused with 400 "Validation error: module['apply_order'] <problem>"

    Examples:
      | order | problem                             |
      | 10    | 10 is greater than the maximum of 9 |
      | 99    | 99 is greater than the maximum of 9 |
      | -1    | -1 is less than the minimum of 0    |
      | five  | 'five' is not of type 'integer'     |

  @CRE-5
  Scenario Outline: The module type is a configured driver, written in any case
    When tenant A creates a module "typed" with:
      | type | <given> |
    Then the request succeeds
    And the answer shows:
      | type | <stored> |

    Examples:
      | given             | stored            |
      | ping              | ping              |
      | PING              | ping              |
      | Ping              | ping              |

    @needs-type-new_relic_license
    Examples: a type the deployment may not configure
      | given             | stored            |
      | new_relic_license | new_relic_license |
      | New_Relic_License | new_relic_license |

  @CRE-5
  Scenario Outline: An unknown module type is refused
    When tenant A creates a module "typed" with:
      | type | <given> |
    Then the request is refused with 404 "Module type '<given>' was not found."

    Examples:
      | given        |
      | invalid-type |
      | mysql        |
      | pong         |

  @CRE-6
  Scenario: A create without name, type and contents names each missing property
    When tenant A creates a module with:
      | description | nothing else |
    Then the request is refused with 400:
      """
      Validation error: module 'name' is a required property; module 'module_type' is a required property; module 'contents' is a required property
      """

  @CRE-6
  Scenario: A create without contents is refused
    When tenant A creates a module with:
      | name | empty-handed |
      | type | ping         |
    Then the request is refused with 400 "Validation error: module 'contents' is a required property"

  @CRE-7
  Scenario Outline: A name without a letter or digit is refused
    When tenant A creates a module with:
      | name     | <name>          |
      | type     | ping            |
      | contents | message=Hello\n |
    Then the request is refused with 400 "Validation error: module['name'] <problem>"

    Examples:
      | name    | problem                                                                         |
      | (empty) | '' should be non-empty; module['name'] '' does not match '^.*[0-9a-zA-Z]+.*$' |
      | !!!     | '!!!' does not match '^.*[0-9a-zA-Z]+.*$'                                       |
      | ---     | '---' does not match '^.*[0-9a-zA-Z]+.*$'                                       |

  @CRE-8
  Scenario Outline: Module flags are 0 or 1
    When the admin creates a module "flagged" with:
      | <option> | 2 |
    Then the request is refused with 400 "Validation error: module['<field>'] 2 is greater than the maximum of 1"

    Examples:
      | option         | field          |
      | auto apply     | auto_apply     |
      | all tenants    | all_tenants    |
      | visible        | visible        |
      | live update    | live_update    |
      | priority apply | priority_apply |
      | full access    | full_access    |

  @CRE-9
  Scenario: Empty contents are refused
    When tenant A creates a module "hollow" with:
      | contents | (empty) |
    Then the request is refused with 400 "Validation error: module['contents'] '' should be non-empty; module['contents'] '' does not match '^.*.+.*$'"

  @CRE-10
  Scenario: A module bound to a datastore shows its name, for all its versions
    When tenant A creates a module "for-one" with:
      | datastore | {datastore} |
    Then the request succeeds
    And the answer shows:
      | datastore            | {datastore}                   |
      | datastore_id         | {id of datastore {datastore}} |
      | datastore_version    | all                     |
      | datastore_version_id | None                    |

  @CRE-10
  Scenario: A module bound to a datastore version shows both names
    When tenant A creates a module "for-one-version" with:
      | datastore         | {datastore} |
      | datastore version | {version}   |
    Then the request succeeds
    And the answer shows:
      | datastore            | {datastore}                           |
      | datastore_id         | {id of datastore {datastore}}         |
      | datastore_version    | {version}                             |
      | datastore_version_id | {id of version {datastore} {version}} |

  @CRE-11
  Scenario Outline: An unknown datastore or version is refused
    When tenant A creates a module "misplaced" with:
      | datastore         | <datastore> |
      | datastore version | <version>   |
    Then the request is refused with <status> "<message>"

    Examples:
      | datastore | version | status | message                                |
      | oracle    | (none)  | 404    | Datastore 'oracle' cannot be found.    |
      | {datastore} | 9.9   | 400    | Datastore version '9.9' cannot be found. |
      | (none)    | {version} | 400  | Datastore 'None' has no version '{version}'. |

  @CRE-12
  Scenario: A second module with the same name is refused
    Given tenant A has created a ping module "mymod"
    When tenant A creates a ping module "mymod"
    Then the request is refused with 400 "A module with the name 'mymod' already exists for datastore 'all' and datastore version 'all'"

  @CRE-12
  Scenario: The refusal names the datastore and version it clashes on
    Given tenant A has created a module "mymod" with:
      | datastore         | {datastore} |
      | datastore version | {version}   |
    When tenant A creates a module "mymod" with:
      | datastore         | {datastore} |
      | datastore version | {version}   |
    Then the request is refused with 400:
      """
      A module with the name 'mymod' already exists for datastore '{id of datastore {datastore}}' and datastore version '{id of version {datastore} {version}}'
      """

  @CRE-13
  Scenario: The same name may be used for another datastore
    Given tenant A has created a ping module "mymod"
    When tenant A creates a module "mymod" with:
      | datastore | {datastore} |
    Then the request succeeds

  @CRE-13
  Scenario: Two tenants may use the same name
    Given tenant A has created a ping module "mymod"
    When tenant B creates a ping module "mymod"
    Then the request succeeds

  @CRE-13
  Scenario: A module for all tenants may share a tenant module's name
    Given tenant A has created a ping module "mymod"
    When the admin creates a module "mymod" with:
      | all tenants | yes |
    Then the request succeeds

  @CRE-13
  Scenario: A deleted module's name can be used again
    Given tenant A has created a ping module "mymod"
    And tenant A has deleted the module "mymod"
    When tenant A creates a ping module "mymod"
    Then the request succeeds

  @CRE-14 @upstream-differs
  Scenario: The type is compared without regard to case
    Given tenant A has created a ping module "mymod"
    When tenant A creates a module "mymod" with:
      | type | PING |
    Then the request is refused with 400 "A module with the name 'mymod' already exists for datastore 'all' and datastore version 'all'"

  @CRE-15
  Scenario Outline: A description without a letter or digit is refused
    When tenant A creates a module "described" with:
      | description | <description> |
    Then the request is refused with 400 "Validation error: module['description'] <problem>"

    Examples:
      | description | problem                                                                                |
      | (empty)     | '' should be non-empty; module['description'] '' does not match '^.*[0-9a-zA-Z]+.*$' |
      | ***         | '***' does not match '^.*[0-9a-zA-Z]+.*$'                                              |
