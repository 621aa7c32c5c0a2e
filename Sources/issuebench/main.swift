print("issuebench")
