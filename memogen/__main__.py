from memogen.cli import main

main()
