Feature: module-query and the ping driver's messages
  module-query asks an instance's guest which modules it has applied, and shows for each its
  name, type, datastore, version, status and the message its driver reported. The ping driver,
  made for testing, reads the module file as key=value lines and reports the value of its
  "message" key. A message shown in quotes has spaces at its edges.

  Background:
    Given tenant A has created an instance "inst"

  @QRY-2
  Scenario Outline: The ping driver reports the message in the module file
    Given tenant A has created a ping module "pinger" with contents "<file>"
    When tenant A applies "pinger" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name   | Type | Status   | Message   |
      | pinger | ping | <status> | <message> |

    Examples:
      | file                               | status | message             |
      | message=Module.V1\n                | OK     | Module.V1           |
      | Message=Hello World from: x\n      | OK     | Hello World from: x |
      | MESSAGE=shouting\n                 | OK     | shouting            |
      | message=a=b\n                      | OK     | a=b                 |
      | colour=blue\nmessage=second line\n | OK     | second line         |

  @QRY-5
  Scenario Outline: The ping driver reads the file line by line, as key=value
    Given tenant A has created a ping module "pinger" with contents "<file>"
    When tenant A applies "pinger" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name   | Type | Status   | Message   |
      | pinger | ping | <status> | <message> |

    Examples:
      | file                                | status | message           |
      | message = Hello\n                   | OK     | " Hello"          |
      | message=Hello # a greeting\n        | OK     | "Hello "          |
      | # message=hidden\nmessage=shown\n   | OK     | shown             |
      | \n\nmessage=after blank lines\n     | OK     | after blank lines |
      | message=true\n                      | OK     | True              |
      | message=FALSE\n                     | OK     | False             |
      | message=one\nmessage=two\n          | OK     | two               |
      | Message=first\nmessage=second\n     | OK     | first             |
      | message=\n                          | OK     | ""                |

  @QRY-3
  Scenario Outline: Without a message the ping driver reports an error
    Given tenant A has created a ping module "pinger" with contents "<file>"
    When tenant A applies "pinger" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name   | Type | Status   | Message   |
      | pinger | ping | <status> | <message> |

    Examples:
      | file                      | status | message                            |
      | greeting=Hello\n          | ERROR  | Message not found in contents file |
      | # message=commented out\n | ERROR  | Message not found in contents file |

  @QRY-4
  Scenario Outline: A file the ping driver cannot read is reported as an error
    Given tenant A has created a ping module "pinger" with contents "<file>"
    When tenant A applies "pinger" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name   | Type | Status   | Message   |
      | pinger | ping | <status> | <message> |

    Examples:
      | file                | status | message                                                                                                 |
      | just some words\n   | ERROR  | Could not extract ping message: not enough values to unpack (expected 2, got 1)                          |
      | \x99\x01message=x\n | ERROR  | Could not extract ping message: 'utf-8' codec can't decode byte 0x99 in position 0: invalid start byte |

  @QRY-11 @needs-type-new_relic_license
  Scenario Outline: The New Relic license driver reports whether the key was installed
    Given tenant A has created a module "license" with:
      | type     | new_relic_license |
      | contents | <file>            |
    When tenant A applies "license" to "inst"
    Then the apply answers:
      | Name    | Type              | Status   | Message   |
      | license | new_relic_license | <status> | <message> |

    Examples:
      | file                             | status | message                                 |
      | license_key=0123456789abcdef\n   | OK     | New Relic license key installed         |
      | LICENSE_KEY=0123456789abcdef\n   | OK     | New Relic license key installed         |
      | account=42\n                     | ERROR  | 'license_key' not found in contents file |

  @QRY-1
  Scenario: module-query shows each module with the datastore it is bound to
    Given tenant A has created these modules:
      | name          | apply order | datastore   | datastore version | contents          |
      | anywhere      | 1           | (none)      | (none)            | message=first\n   |
      | store-bound   | 2           | {datastore} | (none)            | message=second\n  |
      | version-bound | 3           | {datastore} | {version}         | message=third\n   |
    When tenant A applies "anywhere", "store-bound" and "version-bound" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name          | Type | Datastore   | Version   | Status | Message |
      | version-bound | ping | {datastore} | {version} | OK     | third   |
      | store-bound   | ping | {datastore} | all       | OK     | second  |
      | anywhere      | ping | all         | all       | OK     | first   |

  @QRY-6
  Scenario: The module applied last is listed first
    Given tenant A has created a ping module "first"
    And tenant A has created a ping module "second"
    And tenant A has applied "first" to "inst"
    And some time passes
    And tenant A has applied "second" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name   |
      | second |
      | first  |
    When some time passes
    And tenant A applies "first" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name   |
      | first  |
      | second |

  @QRY-7 @REM-1
  Scenario: A removed module is no longer listed
    Given tenant A has created a ping module "kept"
    And tenant A has created a ping module "dropped"
    And tenant A has applied "kept" to "inst"
    And tenant A has applied "dropped" to "inst"
    When tenant A removes "dropped" from "inst"
    Then module-query of "inst" as tenant A shows:
      | Name |
      | kept |

  @QRY-8 @VIS-8
  Scenario: A hidden module is listed to the admin only
    Given the admin has created a module "quiet" with:
      | all tenants | yes |
      | hidden      | yes |
    And tenant A has applied "quiet" to "inst"
    Then module-query of "inst" as tenant A shows no modules
    And module-query of "inst" as the admin shows:
      | Name  | Status | Message |
      | quiet | OK     | quiet   |

  @QRY-9
  Scenario: Retrieving an instance's modules gives back each module's file
    Given tenant A has created a ping module "conf" with contents "message=Hello\nextra=1\n"
    And tenant A has applied "conf" to "inst"
    When tenant A retrieves the module contents of "inst"
    Then the retrieved contents of "conf" are "message=Hello\nextra=1\n"

  @QRY-10 @simulator-only
  Scenario: Guest times, and a created time that survives re-apply and remove
    Given tenant A has created a ping module "timed"
    And the clock reads 2017-06-02 17:23:40
    When tenant A applies "timed" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name  | Created                | Updated                |
      | timed | 2017-06-02 17:23:40.00 | 2017-06-02 17:23:40.00 |
    When 90 seconds pass
    And tenant A applies "timed" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name  | Created                | Updated                |
      | timed | 2017-06-02 17:23:40.00 | 2017-06-02 17:25:10.00 |
    When 60 seconds pass
    And tenant A removes "timed" from "inst"
    And 60 seconds pass
    And tenant A applies "timed" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name  | Created                | Updated                |
      | timed | 2017-06-02 17:23:40.00 | 2017-06-02 17:27:10.00 |

  @QRY-12
  Scenario: A re-apply reports the module's current name and message
    Given tenant A has created a module "old-name" with:
      | live update | yes              |
      | contents    | message=before\n |
    And tenant A has applied "old-name" to "inst"
    And tenant A has updated "old-name" with:
      | name     | new-name        |
      | contents | message=after\n |
    When tenant A applies "new-name" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name     | Type | Status | Message |
      | new-name | ping | OK     | after   |

  @QRY-13 @simulator-only
  Scenario Outline: A guest in trouble cannot be queried
    Given <trouble>
    When tenant A queries the modules of "inst"
    Then the request is refused with 400 "<message>"

    Examples:
      | trouble                                         | message                                                      |
      | the guest of "inst" fails with "agent crashed"  | An error occurred communicating with the guest: agent crashed. |
      | the guest of "inst" does not answer             | Timeout trying to connect to the Guest Agent.                |
