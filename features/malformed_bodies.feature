Feature: Malformed request bodies
  A request body is a JSON object holding one top-level key ("module", "instance", "cluster",
  "reapply") whose value is an object. Anything else is refused with 400 and Trove's fault body;
  keys beside the top-level key are ignored. When a body breaks several rules, the refusal
  names every problem, in the order of the fields' paths.

  Background:
    Given tenant A has created a ping module "known"

  @BAD-8 @upstream-differs
  Scenario Outline: A body that is not a JSON object is refused
    When tenant A sends <request> with the body:
      """
      <body>
      """
    Then the request is refused with 400
    And the fault is badRequest

    Examples:
      | request                    | body |
      | a module create            | []   |
      | a module create            | true |
      | a module update of "known" | null |
      | an instance create         | 42   |
      | a cluster create           | [{}] |
      | a reapply of "known"       | []   |

  @BAD-8
  Scenario Outline: A top-level key that holds no object is refused, naming the key
    When tenant A sends <request> with the body:
      """
      <body>
      """
    Then the request is refused with 400 "Validation error: <key> <problem>"
    And the fault is badRequest

    Examples:
      | request                    | body                | key      | problem                         |
      | a module create            | {"module": "known"} | module   | 'known' is not of type 'object' |
      | a module update of "known" | {"module": [1]}     | module   | [1] is not of type 'object'     |
      | an instance create         | {"instance": null}  | instance | None is not of type 'object'    |
      | a cluster create           | {"cluster": true}   | cluster  | True is not of type 'object'    |

  @BAD-9
  Scenario: A module update ignores keys beside its top-level key
    When tenant A sends a module update of "known" with the body:
      """
      {"module": {"description": "changed"}, "description": "ignored", "extra": {"a": 1}}
      """
    Then the request succeeds
    And "known" as seen by tenant A has these properties:
      | description | changed |

  @BAD-9
  Scenario: A reapply ignores keys beside its top-level key
    When tenant A sends a reapply of "known" with the body:
      """
      {"reapply": {"batch_size": 1}, "batch_size": "ignored"}
      """
    Then the request succeeds

  @BAD-10 @BAD-4
  Scenario Outline: Every problem of a body is named, in the order of the fields' paths
    When tenant A sends a module create with the body:
      """
      {"module": {"name": "several", "module_type": "ping", "contents": "bWVzc2FnZT1IZWxsbwo=", <fields>}}
      """
    Then the request is refused with 400 "Validation error: <problems>"

    Examples:
      | fields                                 | problems                                                                                                        |
      | "auto_apply": true, "apply_order": "5" | module['apply_order'] '5' is not of type 'integer'; module['auto_apply'] True is not of type 'integer'          |
      | "visible": 2, "apply_order": 10        | module['apply_order'] 10 is greater than the maximum of 9; module['visible'] 2 is greater than the maximum of 1 |

  @BAD-8 @upstream-differs
  Scenario Outline: A body whose text holds a lone surrogate is refused as malformed
    When tenant A sends <request> with the body:
      """
      <body>
      """
    Then the request is refused with 400 "Malformed message body: '<surrogate>' is a lone surrogate, not Unicode text"
    And the fault is badRequest
    And "known" as seen by tenant A has these properties:
      | description | None |

    Examples:
      | request                    | body                                                                                     | surrogate |
      | a module create            | {"module": {"name": "odd\ud800", "module_type": "ping", "contents": "bWVzc2FnZT14Cg=="}} | \ud800    |
      | a module update of "known" | {"module": {"description": "\udc80 low"}}                                                | \udc80    |
