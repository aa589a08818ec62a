Feature: Apply ordering
  The blueprint lets operators decide the order in which an instance's guest applies modules:
  every priority module goes before every other one, and within each group a lower apply order
  (0 to 9) goes first. module-apply answers in the order the guest applied the modules;
  module-query lists the latest applied first.

  Background:
    Given the admin has created an instance "ordered"

  @ORD-1 @ORD-2 @ORD-6
  Scenario Outline: A module's place in the apply order follows its priority and apply order
    Given the admin has created these modules:
      | name    | priority apply | apply order |
      | prio-0  | yes            | 0           |
      | prio-1  | yes            | 1           |
      | prio-4  | yes            | 4           |
      | prio-9  | yes            | 9           |
      | plain-0 | no             | 0           |
      | plain-1 | no             | 1           |
      | plain-4 | no             | 4           |
      | plain-9 | no             | 9           |
    When the admin applies "plain-9", "plain-4", "plain-1", "plain-0", "prio-9", "prio-4", "prio-1" and "prio-0" to "ordered"
    Then the module with priority apply <priority> and apply order <order> is applied <place>

    Examples:
      | priority | order | place |
      | Yes      | 0     | 1st   |
      | Yes      | 1     | 2nd   |
      | Yes      | 4     | 3rd   |
      | Yes      | 9     | 4th   |
      | No       | 0     | 5th   |
      | No       | 1     | 6th   |
      | No       | 4     | 7th   |
      | No       | 9     | 8th   |

  @ORD-3 @ORD-1 @ORD-2 @ORD-6
  Scenario Outline: The blueprint's table, whatever order the modules are asked for in
    Given the admin has created these modules:
      | name    | priority apply | apply order |
      | prio-0  | yes            | 0           |
      | prio-4  | yes            | 4           |
      | prio-9  | yes            | 9           |
      | plain-0 | no             | 0           |
      | plain-1 | no             | 1           |
      | plain-9 | no             | 9           |
    When the admin applies <request> to "ordered"
    Then the modules are applied in this order:
      | Priority Apply | Apply Order |
      | Yes            | 0           |
      | Yes            | 4           |
      | Yes            | 9           |
      | No             | 0           |
      | No             | 1           |
      | No             | 9           |

    Examples:
      | request                                                            |
      | "prio-0", "prio-4", "prio-9", "plain-0", "plain-1" and "plain-9"  |
      | "plain-9", "plain-1", "plain-0", "prio-9", "prio-4" and "prio-0"  |
      | "plain-0", "prio-9", "plain-9", "prio-0", "plain-1" and "prio-4"  |
      | "plain-1", "prio-4", "plain-9", "prio-9", "plain-0" and "prio-0"  |

  @ORD-2
  Scenario: A tenant's modules go from apply order 0 to 9
    Given tenant A has created these modules:
      | name   | apply order |
      | late   | 9           |
      | early  | 0           |
      | middle | 5           |
    And tenant A has created an instance "mine"
    When tenant A applies "late", "middle" and "early" to "mine"
    Then the modules are applied in this order:
      | Name   |
      | early  |
      | middle |
      | late   |

  @ORD-4 @upstream-differs
  Scenario: Modules of equal rank are applied in the order asked for
    Given the admin has created a ping module "alpha"
    And the admin has created a ping module "beta"
    When the admin applies "beta" and "alpha" to "ordered"
    Then the modules are applied in this order:
      | Name  |
      | beta  |
      | alpha |

  @ORD-4 @upstream-differs
  Scenario: Equal rank keeps the request order the other way round too
    Given the admin has created a ping module "alpha"
    And the admin has created a ping module "beta"
    When the admin applies "alpha" and "beta" to "ordered"
    Then the modules are applied in this order:
      | Name  |
      | alpha |
      | beta  |

  @ORD-5 @ORD-1
  Scenario: A priority auto-apply module goes before the modules asked for
    Given the admin has created a module "first-license" with:
      | all tenants    | yes |
      | auto apply     | yes |
      | priority apply | yes |
      | apply order    | 9   |
    And tenant A has created a module "app-config" with:
      | apply order | 0 |
    When tenant A creates an instance "inst" with the module "app-config"
    Then module-query of "inst" as tenant A shows:
      | Name          |
      | app-config    |
      | first-license |

  @ORD-5 @ORD-2
  Scenario: Auto-apply and requested modules are ordered together by apply order
    Given the admin has created a module "auto-late" with:
      | all tenants | yes |
      | auto apply  | yes |
      | apply order | 8   |
    And the admin has created a module "auto-early" with:
      | all tenants | yes |
      | auto apply  | yes |
      | apply order | 2   |
    And tenant A has created these modules:
      | name       | apply order |
      | asked-mid  | 5           |
      | asked-last | 9           |
    When tenant A creates an instance "inst" with the modules "asked-last" and "asked-mid"
    Then module-query of "inst" as tenant A shows:
      | Name       |
      | asked-last |
      | auto-late  |
      | asked-mid  |
      | auto-early |

  @ORD-8 @upstream-differs
  Scenario: At create, ties put the asked-for modules first, then auto-apply ones by age
    Given the admin has created a module "auto-old" with:
      | all tenants | yes |
      | auto apply  | yes |
    And the admin has created a module "auto-new" with:
      | all tenants | yes |
      | auto apply  | yes |
    And tenant A has created a ping module "asked-b"
    And tenant A has created a ping module "asked-a"
    When tenant A creates an instance "inst" with the modules "asked-b" and "asked-a"
    Then module-query of "inst" as tenant A shows:
      | Name     |
      | auto-new |
      | auto-old |
      | asked-a  |
      | asked-b  |

  @ORD-8 @upstream-differs
  Scenario: At create, the asked-for modules keep the request's order whatever their age
    Given the admin has created a module "auto-1" with:
      | auto apply | yes |
    And the admin has created a ping module "asked-2"
    And the admin has created a module "auto-2" with:
      | auto apply | yes |
    And the admin has created a ping module "asked-1"
    When the admin creates an instance "inst" with the modules "asked-1" and "asked-2"
    Then module-query of "inst" as the admin shows:
      | Name    |
      | auto-2  |
      | auto-1  |
      | asked-2 |
      | asked-1 |

  @ORD-7
  Scenario: Turning priority on by update moves a module ahead
    Given the admin has created these modules:
      | name  | apply order |
      | alpha | 1           |
      | beta  | 2           |
    And the admin has updated "beta" with:
      | priority apply | yes |
    When the admin applies "alpha" and "beta" to "ordered"
    Then the modules are applied in this order:
      | Name  |
      | beta  |
      | alpha |

  @ORD-7
  Scenario: Changing the apply order by update moves a module
    Given the admin has created these modules:
      | name  | apply order |
      | alpha | 1           |
      | beta  | 2           |
    And the admin has updated "alpha" with:
      | apply order | 3 |
    When the admin applies "alpha" and "beta" to "ordered"
    Then the modules are applied in this order:
      | Name  |
      | beta  |
      | alpha |

  @ORD-6 @QRY-6
  Scenario: module-query lists the blueprint's modules latest applied first
    Given the admin has created these modules:
      | name    | priority apply | apply order |
      | plain-9 | no             | 9           |
      | prio-4  | yes            | 4           |
      | plain-0 | no             | 0           |
      | prio-0  | yes            | 0           |
    When the admin applies "plain-9", "prio-4", "plain-0" and "prio-0" to "ordered"
    Then module-query of "ordered" as the admin shows:
      | Name    | Status |
      | plain-9 | OK     |
      | plain-0 | OK     |
      | prio-4  | OK     |
      | prio-0  | OK     |
