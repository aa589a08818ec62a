Feature: The guest drivers' reading of a module file
  The ping driver reads the module file line by line: a line starting with "#" is a comment
  and is skipped whatever it holds, and a value ends at its first "#". The New Relic license
  driver reads the file the same way, and reports a file it cannot read as a key not installed.

  Background:
    Given tenant A has created an instance "inst"

  @QRY-5
  Scenario Outline: Comment lines are skipped and a value ends at its first "#"
    Given tenant A has created a ping module "pinger" with contents "<file>"
    When tenant A applies "pinger" to "inst"
    Then the apply answers:
      | Name   | Status | Message   |
      | pinger | OK     | <message> |

    Examples:
      | file                                       | message                |
      | # a comment without a key\nmessage=shown\n | shown                  |
      | #\nmessage=after an empty comment\n        | after an empty comment |
      | message=Hello # one # two\n                | "Hello "               |
      | message=a#b#c\n                            | a                      |

  @QRY-11 @needs-type-new_relic_license
  Scenario Outline: A license file the driver cannot read reports the key as not installed
    Given tenant A has created a module "license" with:
      | type     | new_relic_license |
      | contents | <file>            |
    When tenant A applies "license" to "inst"
    Then the apply answers:
      | Name    | Type              | Status | Message   |
      | license | new_relic_license | ERROR  | <message> |
    And module-query of "inst" as tenant A shows:
      | Name    | Status | Message   |
      | license | ERROR  | <message> |

    Examples:
      | file                               | message                                                                                                     |
      | just some words\n                  | New Relic license key not installed: not enough values to unpack (expected 2, got 1)                        |
      | \x99license_key=0123456789abcdef\n | New Relic license key not installed: 'utf-8' codec can't decode byte 0x99 in position 0: invalid start byte |
