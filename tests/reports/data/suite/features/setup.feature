@DEMO-13
Feature: Seeded module store

  Background:
    Given a seeded module store

  Scenario: A seeded store lists its modules
    Then the store holds 2 modules
