"""``trovesim explore``: differential, model-based testing of a Trove against the simulator.

Random sequences of module operations go to the target and to an embedded simulator holding the
target's catalogue; the first answer they disagree on is shrunk by Hypothesis and written as a
feature file in the suite's step language.
"""
