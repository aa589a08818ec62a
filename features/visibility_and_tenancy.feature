Feature: Module visibility and tenancy
  A module belongs to the project of whoever created it, or to every tenant when the admin
  creates it for all tenants. Tenants see their own modules and the visible shared ones; hidden
  modules are for the admin's eyes, although a tenant may still apply them by id. The admin sees
  everything.

  Module lists are read as far as this scenario's own modules go, so the scenarios also hold
  against a Trove that has other modules.

  Background:
    Given tenant A has created a ping module "a-private"
    And tenant B has created a ping module "b-private"
    And the admin has created a module "shared" with:
      | all tenants | yes |
    And the admin has created a module "hidden-shared" with:
      | all tenants | yes |
      | hidden      | yes |
    And the admin has created a ping module "admin-own"

  @VIS-1
  Scenario: A tenant lists its own modules and the visible shared ones
    Then the module list of tenant A holds "a-private" and "shared"
    And the module list of tenant B holds "b-private" and "shared"

  @VIS-4 @upstream-differs
  Scenario: The admin lists every module of every tenant
    Then the module list of the admin holds "a-private", "b-private", "shared", "hidden-shared" and "admin-own"

  @VIS-4 @upstream-differs
  Scenario: The admin's list narrowed to a datastore holds every tenant's modules for it
    Given tenant A has created a module "a-bound" with:
      | datastore | {datastore} |
    And tenant B has created a module "b-bound" with:
      | datastore | {datastore} |
    And the admin has created a module "hidden-bound" with:
      | datastore | {datastore} |
      | hidden    | yes         |
    Then the module list of the admin for datastore "{datastore}" holds "a-bound", "b-bound" and "hidden-bound"
    And the module list of the admin for datastore "all" holds "a-private", "b-private", "shared", "hidden-shared" and "admin-own"

  @VIS-2
  Scenario Outline: Another tenant's module cannot be found
    When tenant B tries to <operation> the module "a-private"
    Then the request is refused with 404 "Module with ID {id of a-private} could not be found."

    Examples:
      | operation               |
      | show                    |
      | update                  |
      | delete                  |
      | list the instances of   |
      | count the instances of  |
      | reapply                 |

  @VIS-2
  Scenario Outline: Another tenant's module cannot be read, whichever read is asked for
    When tenant B <reads>
    Then the request is refused with 404 "Module with ID {id of a-private} could not be found."

    Examples:
      | reads                                                       |
      | shows the module "a-private"                                |
      | counts the instances of "a-private"                         |
      | counts the instances of "a-private" with cluster members    |
      | lists the instances of "a-private"                          |
      | lists the instances of "a-private" with cluster members     |

  @VIS-1
  Scenario: A tenant's module list answers with its own and the visible shared modules
    When tenant A lists the modules
    Then the request succeeds
    And the module list of tenant A holds "a-private" and "shared"

  @VIS-3
  Scenario Outline: Hidden modules cannot be found by tenants
    When tenant A tries to <operation> the module "hidden-shared"
    Then the request is refused with 404 "Module with ID {id of hidden-shared} could not be found."

    Examples:
      | operation |
      | show      |
      | update    |
      | delete    |

  @VIS-11
  Scenario: The admin may show any tenant's module, hidden or not
    Then "a-private" as seen by the admin has these properties:
      | name      | a-private          |
      | tenant    | tenant A's project |
      | is_admin  | False              |
    And "hidden-shared" as seen by the admin has these properties:
      | visible | False |
      | tenant  | all   |

  @VIS-5
  Scenario: A module belongs to its creator's project unless it is for all tenants
    Then "admin-own" as seen by the admin has these properties:
      | tenant    | the admin's project |
      | tenant_id | the admin's project |
    And "shared" as seen by tenant A has these properties:
      | tenant    | all  |
      | tenant_id | None |
    And "b-private" as seen by tenant B has these properties:
      | tenant    | tenant B's project |
      | tenant_id | tenant B's project |

  @VIS-5
  Scenario: The admin's own module is not shown to tenants
    When tenant A tries to show the module "admin-own"
    Then the request is refused with 404 "Module with ID {id of admin-own} could not be found."

  @VIS-6
  Scenario: The module list can be narrowed to a datastore
    Given tenant A has created a module "for-one" with:
      | datastore | {datastore} |
    Then the module list of tenant A for datastore "all" holds "a-private" and "shared"
    And the module list of tenant A for datastore "{datastore}" holds "for-one"

  @VIS-6 @needs-second-datastore
  Scenario: Each datastore's list holds its own modules
    Given tenant A has created a module "for-one" with:
      | datastore | {datastore} |
    And tenant A has created a module "for-other" with:
      | datastore | {other datastore} |
    Then the module list of tenant A for datastore "{datastore}" holds "for-one"
    And the module list of tenant A for datastore "{other datastore}" holds "for-other"

  @VIS-6 @needs-second-datastore
  Scenario: A datastore without modules lists none
    Given tenant A has created a module "for-one" with:
      | datastore | {datastore} |
    Then the module list of tenant A for datastore "{other datastore}" holds no modules

  @VIS-7
  Scenario: The module list for an unknown datastore is refused
    When tenant A lists the modules for datastore "oracle"
    Then the request is refused with 404 "Datastore 'oracle' cannot be found."

  @VIS-8
  Scenario: A tenant may apply a hidden shared module by id
    Given tenant A has created an instance "a-inst"
    When tenant A applies "hidden-shared" to "a-inst"
    Then the request succeeds
    And the apply answers:
      | Name          | Type | Datastore | Version | Status | Message       |
      | hidden-shared | ping | all       | all     | OK     | hidden-shared |

  @VIS-9 @upstream-differs
  Scenario: A tenant cannot apply another tenant's module
    Given tenant B has created an instance "b-inst"
    When tenant B applies "a-private" to "b-inst"
    Then the request is refused with 404 "Module with ID {id of a-private} could not be found."

  @VIS-9 @upstream-differs
  Scenario: A tenant cannot create an instance with another tenant's module
    When tenant B creates an instance "b-inst" with the module "a-private"
    Then the request is refused with 404 "Module with ID {id of a-private} could not be found."
    And the instance list of tenant B holds no instance "b-inst"

  @VIS-10
  Scenario Outline: Another tenant's instance cannot be found
    Given tenant A has created an instance "a-inst" with the module "a-private"
    When <request>
    Then the request is refused with 404 "Resource {id of a-inst} cannot be found."

    Examples:
      | request                                   |
      | tenant B queries the modules of "a-inst"  |
      | tenant B applies "shared" to "a-inst"     |
      | tenant B removes "shared" from "a-inst"   |
