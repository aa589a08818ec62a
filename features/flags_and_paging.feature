Feature: A flag sent as 0 is not a flag left out; paging limits; names told apart by version
  An update applies only the keys its body holds, and a key sent as 0 or false is a change:
  all_tenants 0 moves the module into the caller's project, full_access 0 makes it an admin
  module (docs/behaviour.md M4, §4.2). module-instances pages by any positive limit
  (docs/behaviour.md §11.2), and two modules may share a name when only their datastore
  version differs (docs/behaviour.md §6).

  @VIS-5 @UPD-4
  Scenario Outline: The admin's update of an all-tenant module decides its tenant only when all_tenants is sent
    Given the admin has created a module "shared" with:
      | all tenants | yes |
    When the admin updates "shared" with:
      | <option> | <value> |
    Then the request succeeds
    And "shared" as seen by the admin has these properties:
      | tenant | <tenant> |
    And the module list of tenant A holds <tenant A sees>

    Examples:
      | option      | value        | tenant              | tenant A sees |
      | all tenants | no           | the admin's project | no modules    |
      | all tenants | yes          | all                 | "shared"      |
      | description | still shared | all                 | "shared"      |

  @VIS-5 @UPD-4
  Scenario Outline: A tenant sending all_tenants 0 keeps its module in its own project
    Given tenant A has created a ping module "mine"
    When tenant A updates "mine" with:
      | <option> | <value> |
    Then the request succeeds
    And "mine" as seen by the admin has these properties:
      | tenant | tenant A's project |
    And the module list of tenant A holds "mine"
    And the module list of tenant B holds no modules

    Examples:
      | option      | value |
      | all tenants | no    |
      | description | words |

  @ADM-9 @ADM-10 @ADM-12
  Scenario Outline: full_access sent as 0 locks a tenant's module; left out, it does not
    Given tenant A has created a ping module "open"
    When the admin updates "open" with:
      | <option> | <value> |
    Then the answer shows:
      | is_admin | <admin module> |
    When tenant A updates "open" with:
      | description | still mine |
    Then the request is refused with <status> "<message>"

    Examples: sent as 0, or an admin-only option turned on: an admin module
      | option      | value | admin module | status | message                                                                             |
      | full access | no    | True         | 403    | You must be admin to update a module with these options. (Module is an admin module) |
      | priority apply | yes | True        | 403    | You must be admin to update a module with these options. (Module is an admin module) |

  @ADM-9 @ADM-12
  Scenario Outline: full_access sent as 1, or left out, leaves a tenant's module open
    Given tenant A has created a ping module "open"
    When the admin updates "open" with:
      | <option> | <value> |
    Then the answer shows:
      | is_admin | False |
    When tenant A updates "open" with:
      | description | still mine |
    Then the request succeeds

    Examples:
      | option         | value          |
      | full access    | yes            |
      | description    | admin's note   |
      | priority apply | no             |
      | apply order    | 7              |

  @CNT-8 @upstream-differs
  Scenario Outline: module-instances pages by any positive limit
    Given tenant A has created a ping module "paged"
    And tenant A has created the instances "p1", "p2" and "p3" with the module "paged"
    When tenant A pages through the instances of "paged" <limit> at a time
    Then the pages hold <sizes> instances
    And the pages together list "p1", "p2" and "p3" once each

    Examples:
      | limit | sizes      |
      | 1     | 1, 1 and 1 |
      | 3     | 3          |
      | 4     | 3          |

  @CRE-12 @CRE-13 @needs-second-version
  Scenario Outline: Modules that differ only by datastore version may share a name
    Given tenant A has created a module "mymod" with:
      | datastore         | {datastore} |
      | datastore version | {version}   |
    When tenant A creates a module "mymod" with:
      | datastore         | {datastore} |
      | datastore version | <version>   |
    Then <outcome>

    Examples:
      | version         | outcome                   |
      | {other version} | the request succeeds      |
      | {version}       | the request is refused with 400 |
