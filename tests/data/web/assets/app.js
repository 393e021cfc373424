console.log("motcua")
