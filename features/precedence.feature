Feature: Which refusal wins when a request breaks several rules
  Trove checks a request's rules in a fixed order (docs/behaviour.md M2, M4 and M5): the schema,
  then the type, the admin-only options, the datastore and uniqueness on create; the live-update
  lock, the admin module, then the options on update; the options, the admin module, then the
  lock on delete. A request that breaks several rules gets the refusal of the first check it
  fails, with that check's status and message, and the rest are never reached.

  @CRE-4 @CRE-5 @ADM-4 @ADM-11 @CRE-11 @CRE-12
  Scenario Outline: A create that breaks several rules gets the earliest check's refusal
    Given tenant A has created a ping module "taken"
    When tenant A creates a module "<name>" with:
      | type        | <type>        |
      | apply order | <order>       |
      | all tenants | <all tenants> |
      | full access | <full access> |
      | datastore   | <datastore>   |
    Then the request is refused with <status> "<message>"

    Examples: the schema, before the type and the options
      | name  | type   | order | all tenants | full access | datastore   | status | message                                                                    |
      | fresh | nosuch | 10    | yes         | (none)      | (none)      | 400    | Validation error: module['apply_order'] 10 is greater than the maximum of 9 |
      | taken | ping   | -1    | yes         | (none)      | nosuchstore | 400    | Validation error: module['apply_order'] -1 is less than the minimum of 0    |

    Examples: the type, before the options and the datastore
      | name  | type   | order | all tenants | full access | datastore   | status | message                             |
      | fresh | nosuch | 5     | yes         | (none)      | (none)      | 404    | Module type 'nosuch' was not found. |
      | taken | pong   | 5     | no          | (none)      | nosuchstore | 404    | Module type 'pong' was not found.   |

    Examples: full access with an option, before the admin check
      | name  | type | order | all tenants | full access | datastore   | status | message                                                                        |
      | fresh | ping | 5     | yes         | yes         | nosuchstore | 400    | The following values are invalid: Cannot make module full access: (Tenant: all). |

    Examples: the options, before the datastore and uniqueness
      | name  | type | order | all tenants | full access | datastore   | status | message                                                                   |
      | fresh | ping | 5     | yes         | (none)      | nosuchstore | 403    | You must be admin to create a module with these options. (Tenant: all)     |
      | taken | ping | 5     | yes         | no          | (none)      | 403    | You must be admin to create a module with these options. (Tenant: all, Full Access: 0) |

    Examples: the datastore, before uniqueness
      | name  | type | order | all tenants | full access | datastore   | status | message                                  |
      | taken | ping | 5     | no          | (none)      | nosuchstore | 404    | Datastore 'nosuchstore' cannot be found. |

  @LIV-1 @ADM-7 @ADM-11
  Scenario Outline: An update of an applied admin module meets the live-update lock first
    Given the admin has created a module "shared" with:
      | all tenants | yes |
    And tenant A has created an instance "inst" with the module "shared"
    When <caller> updates "shared" with:
      | <option> | <value> |
    Then the request is refused with 403:
      """
      A module cannot be deleted or its contents modified if it has been applied to a non-terminated instance, unless the module has been marked as 'live_update.' Please remove the module from all non-terminated instances and try again.
      """

    Examples:
      | caller    | option      | value               |
      | tenant A  | description | tenant's words      |
      | tenant A  | auto apply  | yes                 |
      | tenant A  | full access | yes                 |
      | the admin | full access | yes                 |
      | the admin | contents    | message=Module.V2\n |

  @ADM-7 @ADM-13 @ADM-11 @UPD-10
  Scenario Outline: An update of an admin module that is applied nowhere
    Given the admin has created a module "shared" with:
      | all tenants | yes |
    When <caller> updates "shared" with:
      | <option> | <value> |
    Then the request is refused with <status> "<message>"

    Examples:
      | caller    | option      | value | status | message                                                                               |
      | tenant A  | apply order | 10    | 400    | Validation error: module['apply_order'] 10 is greater than the maximum of 9            |
      | tenant A  | auto apply  | yes   | 403    | You must be admin to update a module with these options. (Module is an admin module)   |
      | tenant A  | full access | yes   | 403    | You must be admin to update a module with these options. (Module is an admin module)   |
      | the admin | full access | yes   | 400    | The following values are invalid: Cannot make module full access: (Tenant: all).        |

  @ADM-14 @LIV-2
  Scenario Outline: A delete of an applied all-tenant module meets the options before the lock
    Given the admin has created a module "shared" with:
      | all tenants | yes |
    And tenant A has created an instance "inst" with the module "shared"
    When <caller> deletes the module "shared"
    Then the request is refused with 403:
      """
      <message>
      """

    Examples:
      | caller    | message                                                                                                                                                                                                          |
      | tenant A  | You must be admin to delete a module with these options. (Tenant: all)                                                                                                                                           |
      | the admin | A module cannot be deleted or its contents modified if it has been applied to a non-terminated instance, unless the module has been marked as 'live_update.' Please remove the module from all non-terminated instances and try again. |

  @ADM-8 @LIV-2 @upstream-differs
  Scenario: A tenant's delete of its applied module that became an admin module meets the admin check first
    Given tenant A has created a ping module "adopted"
    And the admin has updated "adopted" with:
      | full access | no |
    And tenant A has created an instance "inst" with the module "adopted"
    When tenant A deletes the module "adopted"
    Then the request is refused with 403 "You must be admin to delete a module with these options. (Module is an admin module)"

  @ADM-11 @ADM-4
  Scenario Outline: Full access with several options names them all, before the admin check
    When <caller> creates a module "contradictory" with:
      | all tenants | yes |
      | auto apply  | yes |
      | full access | yes |
    Then the request is refused with 400 "The following values are invalid: Cannot make module full access: (Tenant: all, Auto: 1)."

    Examples:
      | caller    |
      | tenant A  |
      | the admin |
