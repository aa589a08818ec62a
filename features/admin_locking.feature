Feature: Admin locking and full access
  Some module options are for the admin only: modules for all tenants, auto-apply, hidden and
  priority modules, and full access. A module the admin creates, or on which the admin turns an
  admin-only option on, becomes an admin module (is_admin), and from then on only an admin may
  change it, until the admin grants it full access again.

  @ADM-1
  Scenario: A module the admin creates is an admin module
    When the admin creates a ping module "locked"
    Then the request succeeds
    And the answer shows:
      | is_admin | True |

  @ADM-1
  Scenario: A module a tenant creates is not an admin module
    When tenant A creates a ping module "open"
    Then the answer shows:
      | is_admin | False |

  @ADM-2
  Scenario: A tenant cannot mark its module as an admin module through the request
    When tenant A creates a module "sneaky" with:
      | is admin | 1 |
    Then the request succeeds
    And the answer shows:
      | is_admin | False |

  @ADM-3 @ADM-4
  Scenario: A tenant cannot create a priority module
    When tenant A creates a module "urgent" with:
      | priority apply | yes |
    Then the request is refused with 403 "You must be admin to create a module with these options. (Priority: 1)"

  @ADM-4
  Scenario Outline: Each admin-only option is refused to tenants and named
    When tenant A creates a module "ambitious" with:
      | <option> | <value> |
    Then the request is refused with 403 "You must be admin to create a module with these options. (<named>)"

    Examples:
      | option         | value | named          |
      | all tenants    | yes   | Tenant: all    |
      | auto apply     | yes   | Auto: 1        |
      | hidden         | yes   | Visible: 0     |
      | priority apply | yes   | Priority: 1    |
      | full access    | yes   | Full Access: 1 |
      | full access    | no    | Full Access: 0 |

  @ADM-4
  Scenario: Several admin-only options are named in a fixed order
    When tenant A creates a module "ambitious" with:
      | full access    | no  |
      | priority apply | yes |
      | hidden         | yes |
      | auto apply     | yes |
      | all tenants    | yes |
    Then the request is refused with 403:
      """
      You must be admin to create a module with these options. (Tenant: all, Auto: 1, Visible: 0, Priority: 1, Full Access: 0)
      """

  @ADM-5
  Scenario: Live update and apply order are open to tenants
    When tenant A creates a module "nimble" with:
      | live update | yes |
      | apply order | 0   |
    Then the request succeeds
    And the answer shows:
      | live_update | True  |
      | apply_order | 0     |
      | is_admin    | False |

  @ADM-6
  Scenario Outline: The admin may use every admin-only option
    When the admin creates a module "powerful" with:
      | <option> | yes |
    Then the request succeeds
    And the answer shows:
      | <property> | <shown> |
      | is_admin   | True    |

    Examples:
      | option         | property       | shown |
      | all tenants    | tenant         | all   |
      | auto apply     | auto_apply     | True  |
      | hidden         | visible        | False |
      | priority apply | priority_apply | True  |

  @ADM-7
  Scenario: A tenant cannot update an admin module
    Given the admin has created a module "shared" with:
      | all tenants | yes |
    When tenant A updates "shared" with:
      | description | mine now |
    Then the request is refused with 403 "You must be admin to update a module with these options. (Module is an admin module)"

  @ADM-7
  Scenario: The admin may update an admin module
    Given the admin has created a module "shared" with:
      | all tenants | yes |
    When the admin updates "shared" with:
      | description | reviewed |
    Then the request succeeds
    And the answer shows:
      | description | reviewed |
      | is_admin    | True     |

  @ADM-8 @ADM-10 @upstream-differs
  Scenario: A tenant cannot delete its module once it became an admin module
    Given tenant A has created a ping module "adopted"
    And the admin has updated "adopted" with:
      | auto apply | yes |
    And the admin has updated "adopted" with:
      | auto apply | no |
    When tenant A deletes the module "adopted"
    Then the request is refused with 403 "You must be admin to delete a module with these options. (Module is an admin module)"

  @ADM-9
  Scenario: An admin's plain update leaves a tenant's module open
    Given tenant A has created a ping module "reviewed"
    When the admin updates "reviewed" with:
      | description | checked by the admin |
    Then the answer shows:
      | is_admin | False |
    When tenant A updates "reviewed" with:
      | description | still mine |
    Then the request succeeds

  @ADM-9
  Scenario Outline: An admin turning an admin-only option on makes it an admin module
    Given tenant A has created a ping module "adopted"
    When the admin updates "adopted" with:
      | <option> | yes |
    Then the request succeeds
    And the answer shows:
      | is_admin | True |

    Examples:
      | option         |
      | auto apply     |
      | priority apply |
      | hidden         |
      | all tenants    |

  @ADM-10
  Scenario: An admin module stays one when its admin-only options are turned off
    Given tenant A has created a ping module "adopted"
    And the admin has updated "adopted" with:
      | priority apply | yes |
    When the admin updates "adopted" with:
      | priority apply | no |
    Then the answer shows:
      | priority_apply | False |
      | is_admin       | True  |
    When tenant A updates "adopted" with:
      | description | mine again? |
    Then the request is refused with 403 "You must be admin to update a module with these options. (Module is an admin module)"

  @ADM-10 @ADM-12
  Scenario: Full access gives the module back to its tenant
    Given tenant A has created a ping module "adopted"
    And the admin has updated "adopted" with:
      | auto apply | yes |
    And the admin has updated "adopted" with:
      | auto apply | no |
    When the admin updates "adopted" with:
      | full access | yes |
    Then the answer shows:
      | is_admin | False |
    When tenant A updates "adopted" with:
      | description | mine again |
    Then the request succeeds

  @ADM-11
  Scenario Outline: Full access together with an admin-only option is refused, to the admin too
    When the admin creates a module "contradictory" with:
      | full access | yes     |
      | <option>    | <value> |
    Then the request is refused with 400 "The following values are invalid: Cannot make module full access: (<named>)."

    Examples:
      | option         | value | named       |
      | auto apply     | yes   | Auto: 1     |
      | priority apply | yes   | Priority: 1 |
      | all tenants    | yes   | Tenant: all |
      | hidden         | yes   | Visible: 0  |

  @ADM-11
  Scenario: Full access is refused while the module keeps an admin-only option
    Given the admin has created a module "automatic" with:
      | auto apply | yes |
    When the admin updates "automatic" with:
      | full access | yes |
    Then the request is refused with 400 "The following values are invalid: Cannot make module full access: (Auto: 1)."

  @ADM-12
  Scenario: A module the admin creates with full access is not an admin module
    When the admin creates a module "generous" with:
      | full access | yes |
    Then the request succeeds
    And the answer shows:
      | is_admin | False |

  @ADM-13
  Scenario Outline: A tenant cannot turn admin-only options on by update
    Given tenant A has created a ping module "modest"
    When tenant A updates "modest" with:
      | <option> | yes |
    Then the request is refused with 403 "You must be admin to update a module with these options. (<named>)"

    Examples:
      | option         | named       |
      | auto apply     | Auto: 1     |
      | priority apply | Priority: 1 |
      | hidden         | Visible: 0  |
      | all tenants    | Tenant: all |

  @ADM-14
  Scenario Outline: A tenant cannot delete a shared module
    Given the admin has created a module "shared" with:
      | all tenants | yes          |
      | auto apply  | <auto apply> |
    When tenant A deletes the module "shared"
    Then the request is refused with 403 "You must be admin to delete a module with these options. (<named>)"

    Examples:
      | auto apply | named               |
      | no         | Tenant: all         |
      | yes        | Tenant: all, Auto: 1 |

  @ADM-15
  Scenario: A tenant gets a notice instead of an admin module's contents
    Given the admin has created a module "shared" with:
      | all tenants | yes              |
      | contents    | message=secret\n |
    And tenant A has created an instance "a-inst" with the module "shared"
    When tenant A retrieves the module contents of "a-inst"
    Then the retrieved contents of "shared" are "Must be admin to retrieve contents for module shared"

  @ADM-15 @QRY-9
  Scenario: The admin retrieves an admin module's contents
    Given the admin has created a module "shared" with:
      | all tenants | yes              |
      | contents    | message=secret\n |
    And tenant A has created an instance "a-inst" with the module "shared"
    When the admin retrieves the module contents of "a-inst"
    Then the retrieved contents of "shared" are "message=secret\n"
