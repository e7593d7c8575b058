"""`python -m nlp.cli …` is the same as `xxgk …`."""

from nlp.cli import main

if __name__ == "__main__":
    main()
