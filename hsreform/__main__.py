from hsreform.cli import main

main()
