from gwella.cli import main

main()
