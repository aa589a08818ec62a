Feature: Bad requests
  Every refused request gets Trove's status code and fault, and no request, however malformed,
  makes Trove fail with an internal error. The request bodies below are shown as they travel.

  Background:
    Given tenant A has created a ping module "known"
    And tenant A has created an instance "inst"

  @BAD-1 @upstream-differs
  Scenario Outline: A body without its top-level key is refused
    When tenant A sends <request> with the body:
      """
      {}
      """
    Then the request is refused with 400 "Validation error: '<key>' is a required property"
    And the fault is badRequest

    Examples:
      | request                     | key      |
      | a module create             | module   |
      | a module update of "known"  | module   |
      | a reapply of "known"        | reapply  |
      | an instance create          | instance |
      | a cluster create            | cluster  |

  @BAD-2
  Scenario Outline: An unknown module is not found
    When <caller> tries to <operation> the module "ghost"
    Then the request is refused with 404 "Module with ID {id of ghost} could not be found."
    And the fault is itemNotFound

    Examples:
      | caller    | operation              |
      | tenant A  | show                   |
      | tenant A  | update                 |
      | tenant A  | delete                 |
      | tenant A  | list the instances of  |
      | tenant A  | count the instances of |
      | tenant A  | reapply                |
      | the admin | show                   |
      | the admin | delete                 |

  @BAD-3
  Scenario Outline: An unknown instance is not found
    When <request>
    Then the request is refused with 404 "Resource {id of nowhere} cannot be found."
    And the fault is itemNotFound

    Examples:
      | request                                   |
      | tenant A queries the modules of "nowhere" |
      | tenant A applies "known" to "nowhere"     |
      | tenant A removes "known" from "nowhere"   |
      | the admin queries the modules of "nowhere" |

  @BAD-4 @CRE-8
  Scenario Outline: A value of the wrong type is refused, naming the field
    When tenant A sends a module create with the body:
      """
      {"module": {"name": "typed", "module_type": "ping", "contents": "bWVzc2FnZT1IZWxsbwo=", "<field>": <value>}}
      """
    Then the request is refused with 400 "Validation error: module['<field>'] <problem>"
    And the fault is badRequest

    Examples:
      | field        | value   | problem                                |
      | auto_apply   | true    | True is not of type 'integer'          |
      | visible      | false   | False is not of type 'integer'         |
      | live_update  | "1"     | '1' is not of type 'integer'           |
      | full_access  | null    | None is not of type 'integer'          |
      | apply_order  | "5"     | '5' is not of type 'integer'           |
      | apply_order  | 2.5     | 2.5 is not of type 'integer'           |
      | description  | 42      | 42 is not of type 'string'             |
      | datastore    | "mysql" | 'mysql' is not of type 'object'        |

  @BAD-4
  Scenario: A module update with a value of the wrong type is refused
    When tenant A sends a module update of "known" with the body:
      """
      {"module": {"priority_apply": false}}
      """
    Then the request is refused with 400 "Validation error: module['priority_apply'] False is not of type 'integer'"

  @BAD-5 @upstream-differs
  Scenario: A module-apply entry without an id is refused
    When tenant A sends a module-apply to "inst" with the body:
      """
      {"modules": [{"name": "known"}]}
      """
    Then the request is refused with 400 "Validation error: modules[0] 'id' is a required property"
    And the fault is badRequest

  @BAD-6
  Scenario: An instance create naming a module by a malformed id is refused
    When tenant A sends an instance create with the body:
      """
      {"instance": {"name": "malformed", "flavorRef": "{flavor}", "volume": {"size": 1}, "modules": [{"id": "bad"}]}}
      """
    Then the request is refused with 400:
      """
      Validation error: instance['modules'][0]['id'] 'bad' does not match '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$'
      """
    And the fault is badRequest

  @BAD-6
  Scenario: An instance create naming a module by an id of the right shape but not hex is refused
    When the admin sends an instance create with the body:
      """
      {"instance": {"name": "near-miss", "flavorRef": "{flavor}", "volume": {"size": 1}, "modules": [{"id": "0123456g-89ab-cdef-0123-456789abcdef"}]}}
      """
    Then the request is refused with 400:
      """
      Validation error: instance['modules'][0]['id'] '0123456g-89ab-cdef-0123-456789abcdef' does not match '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$'
      """
    And the fault is badRequest

  @BAD-7
  Scenario Outline: A module-apply naming no modules applies nothing
    When tenant A sends a module-apply to "inst" with the body:
      """
      <body>
      """
    Then the request succeeds
    And module-query of "inst" as tenant A shows no modules

    Examples:
      | body            |
      | {"modules": []} |
      | {}              |
