Feature: The catalogue a client reads
  Modules are bound to datastores and versions, and instances are built of a flavor, by the ids
  and names the deployment's catalogue gives. What a client reads there has to agree with
  itself: a datastore's entry in the list is its show, a version names the datastore that lists
  it and is the same found by its id or by its name, a flavor prints the same in the list and in
  its show. A version may be given by its id wherever its name is accepted, and an id that is
  not one of the datastore's versions is refused.

  @CAT-1
  Scenario Outline: A datastore reads the same in the datastore list and in its show
    Then <who> reads the datastore "<datastore>" the same in the datastore list and its show

    Examples:
      | who       | datastore   |
      | the admin | {datastore} |
      | tenant A  | {datastore} |

  @CAT-1 @needs-second-datastore
  Scenario: Another datastore reads the same in the datastore list and in its show
    Then tenant B reads the datastore "{other datastore}" the same in the datastore list and its show

  @CAT-2
  Scenario Outline: Every version reads the same by its id, by its name and in the version list
    Then <who> reads each version of the datastore "{datastore}" the same by its id, by its name and in the version list

    Examples:
      | who       |
      | the admin |
      | tenant A  |

  @CAT-2
  Scenario Outline: The admin sees whether a version is active, and its packages and image
    Then the admin reads the version "<version>" of the datastore "{datastore}" as active, with its packages and image

    Examples:
      | version                               |
      | {version}                             |
      | {id of version {datastore} {version}} |

  @CAT-9
  Scenario Outline: A caller without the admin role is not shown how a version is built
    Then <who> reads the version "<version>" of the datastore "{datastore}" without how it is built

    Examples:
      | who      | version                               |
      | tenant A | {version}                             |
      | tenant B | {id of version {datastore} {version}} |

  @CAT-9
  Scenario: Retired versions are listed to the admin only, and shown to anyone who asks for one
    Then tenant A finds no retired version in the lists, but is shown one asked for by its id or name

  @CAT-3
  Scenario Outline: A datastore's default version is one of its versions
    Then the default version of the datastore "<datastore>" is one of the versions it lists

    Examples:
      | datastore   |
      | {datastore} |

  @CAT-3 @needs-second-datastore
  Scenario: Another datastore's default version is one of its versions
    Then the default version of the datastore "{other datastore}" is one of the versions it lists

  @CAT-3
  Scenario Outline: An instance given a datastore and no version runs the datastore's default version
    When tenant A creates an instance "inst" of the datastore "<datastore>"
    Then the request succeeds
    And the instance "inst" as tenant A runs the default version of the datastore "{datastore}"

    Examples:
      | datastore                     |
      | {datastore}                   |
      | {id of datastore {datastore}} |

  @CAT-3
  Scenario: An instance given no datastore runs the deployment's default datastore at its default version
    When tenant A creates an instance "inst" without a datastore
    Then the instance "inst" as tenant A runs a datastore of the catalogue at its default version

  @CAT-4
  Scenario Outline: A flavor reads the same in the flavor list and in its show, as troveclient prints it
    Then <who> reads the flavor "{flavor}" the same in the flavor list and its show

    Examples:
      | who       |
      | the admin |
      | tenant A  |

  @CAT-4
  Scenario Outline: An unknown flavor is refused
    When <who> shows the flavor "<flavor>"
    Then the request is refused with 404 "Resource <flavor> cannot be found."
    And the fault is itemNotFound

    Examples:
      | who       | flavor               |
      | tenant A  | no-such-flavor       |
      | the admin | 98765432109876543210 |

  @CAT-5
  Scenario: A module bound by a version's id shows the names and ids the catalogue gives
    When tenant A creates a module "by-id" with:
      | datastore         | {datastore}                           |
      | datastore version | {id of version {datastore} {version}} |
    Then the request succeeds
    And the answer shows:
      | datastore            | {datastore}                           |
      | datastore_id         | {id of datastore {datastore}}         |
      | datastore_version    | {version}                             |
      | datastore_version_id | {id of version {datastore} {version}} |

  @CAT-5 @needs-second-version
  Scenario: A module moved to another version by its id shows that version
    Given tenant A has created a module "moving" with:
      | datastore         | {datastore} |
      | datastore version | {version}   |
    When tenant A updates "moving" with:
      | datastore         | {datastore}                                 |
      | datastore version | {id of version {datastore} {other version}} |
    Then the request succeeds
    And the answer shows:
      | datastore            | {datastore}                                 |
      | datastore_version    | {other version}                             |
      | datastore_version_id | {id of version {datastore} {other version}} |

  @CAT-5
  Scenario Outline: An instance given a version by its id or its name runs that version
    When tenant A creates an instance "inst" of the datastore "{datastore}" version "<version>"
    Then the request succeeds
    And the instance list of tenant A is:
      | Name | Datastore   | Datastore Version |
      | inst | {datastore} | {version}         |

    Examples:
      | version                               |
      | {id of version {datastore} {version}} |
      | {version}                             |

  @CAT-6
  Scenario: A module create with a version id the datastore does not have is refused
    When tenant A creates a module "misplaced" with:
      | datastore         | {datastore}             |
      | datastore version | {id of no-such-version} |
    Then the request is refused with 404 "DBDatastoreVersion Not Found"
    And the fault is itemNotFound

  @CAT-6 @needs-second-datastore
  Scenario: A module create with another datastore's version id is refused
    When tenant A creates a module "misplaced" with:
      | datastore         | {datastore}                                           |
      | datastore version | {id of version {other datastore} {other datastore version}} |
    Then the request is refused with 404 "DBDatastoreVersion Not Found"

  @CAT-6
  Scenario: A module update to a version id the datastore does not have is refused
    Given tenant A has created a ping module "mymod"
    When tenant A updates "mymod" with:
      | datastore         | {datastore}             |
      | datastore version | {id of no-such-version} |
    Then the request is refused with 404 "DBDatastoreVersion Not Found"
    And "mymod" as seen by tenant A has these properties:
      | datastore         | all |
      | datastore_version | all |

  @CAT-6
  Scenario: An instance create with a version id the datastore does not have is refused
    When tenant A creates an instance "inst" of the datastore "{datastore}" version "{id of no-such-version}"
    Then the request is refused with 404 "DBDatastoreVersion Not Found"
    And the instance list of tenant A holds no instance "inst"

  @CAT-7
  Scenario Outline: A module bound to a version that is not active is refused
    When tenant A creates a module "retired" bound to a version that is not active, by its <reference>
    Then the request is refused with 400 as the version is not active
    And the module list of tenant A holds no modules

    Examples:
      | reference |
      | name      |
      | id        |

  @CAT-7
  Scenario Outline: An instance of a version that is not active is refused
    When tenant A creates an instance "retired" of a version that is not active, by its <reference>
    Then the request is refused with 400 as the version is not active
    And the instance list of tenant A holds no instance "retired"

    Examples:
      | reference |
      | name      |
      | id        |

  @CAT-8
  Scenario: An instance of a datastore without a default version needs a version
    When tenant A creates an instance "unversioned" of a datastore without a default version, giving no version
    Then the request is refused with 400 as the datastore has no default version
    And the instance list of tenant A holds no instance "unversioned"

  @CAT-8
  Scenario Outline: The module list cannot be filtered by a datastore without a default version
    When <who> lists the modules for a datastore without a default version
    Then the request is refused with 400 as the datastore has no default version

    Examples:
      | who       |
      | tenant A  |
      | the admin |
