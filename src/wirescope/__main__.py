from wirescope.cli import main

main()
