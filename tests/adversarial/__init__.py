"""The adversarial suite of issue 4: hostile input and faults (a package, so that its
conftest and helpers never shadow those of tests/)."""
